"""Choices shared by the tables (values from ``rules``; labels Chinese)."""

from django.db import models

from ..rules.annual import Result
from ..rules.credit import REASON_LABELS, ListKind, Reason
from ..rules.kinds import FORM_LABELS, KIND_LABELS, OrgForm, OrgKind

KIND_CHOICES = [(k.value, KIND_LABELS[k]) for k in OrgKind]
FORM_CHOICES = [(f.value, FORM_LABELS[f]) for f in OrgForm]
RESULT_CHOICES = [
    (Result.QUALIFIED.value, "合格"),
    (Result.BASIC.value, "基本合格"),
    (Result.UNQUALIFIED.value, "不合格"),
]
LIST_CHOICES = [(ListKind.ABNORMAL.value, "活动异常名录"), (ListKind.SERIOUS.value, "严重违法失信名单")]
REASON_CHOICES = [(r.value, REASON_LABELS[r]) for r in Reason]


def money(label: str, **kw) -> models.DecimalField:
    return models.DecimalField(label, max_digits=14, decimal_places=2, **kw)
