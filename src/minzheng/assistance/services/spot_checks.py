"""县级抽查 of 特困 files: draw a sample of at least ``tekun_county_spot_check_share`` of the files the
townships sent in a period (公示期满 within it), record it with its seed, audit it. One draw per county and
period — a second draw is refused, so nobody redraws until the sample suits."""

from datetime import date

from django.db import IntegrityError, transaction

from minzheng.core.jurisdiction import division_prefix
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import WorkflowRefused
from ..models import AssistanceCase, ProgramCategory, TekunSpotCheck
from ..rules.tekun import draw_spot_check_sample, spot_check_sample_size
from ..selectors.books import policy_book

TEKUN_CATEGORIES = (ProgramCategory.TEKUN_CENTRALISED, ProgramCategory.TEKUN_DISPERSED)


@transaction.atomic
def draw_tekun_spot_check(user, *, county_code: str, period_from: date, period_to: date) -> TekunSpotCheck:
    require(user, Capability.APPROVE_CASES)
    if len(county_code) != 12 or not county_code[:6].startswith(
        division_prefix(user.division_code or "x")[:6]
    ):
        raise WorkflowRefused("只能抽查本辖区的县（市、区）")
    if period_from > period_to:
        raise WorkflowRefused("起始日不能晚于截止日")
    prefix = county_code[:6]
    ids = list(
        AssistanceCase.objects.filter(
            division_code__startswith=prefix, program__category__in=TEKUN_CATEGORIES,
            publicity_until__range=(period_from, period_to),
        ).values_list("pk", flat=True)
    )  # fmt: skip
    share = policy_book([county_code]).value("tekun_county_spot_check_share", county_code, period_to)
    if share is None:
        raise WorkflowRefused("本地未设置特困人员认定抽查比例（政策参数 tekun_county_spot_check_share）")
    seed = f"{prefix}:{period_from:%Y%m%d}-{period_to:%Y%m%d}:{len(ids)}"
    sample = draw_spot_check_sample(ids, spot_check_sample_size(len(ids), share), seed=seed)
    try:
        with transaction.atomic():
            check = TekunSpotCheck.objects.create(
                county_code=county_code, period_from=period_from, period_to=period_to, share=share,
                population=len(ids), sample_case_ids=sample, seed=seed, drawn_by=user,
            )  # fmt: skip
    except IntegrityError as exc:
        raise WorkflowRefused("该县本期已抽查，不能重复抽取") from exc
    record_event(
        user, AuditEvent.CREATE, object_type="tekun_spot_check", object_id=check.pk, division_code=county_code,
        summary=f"特困人员认定抽查 {period_from:%Y-%m-%d}至{period_to:%Y-%m-%d}：{len(ids)} 件抽取 {len(sample)} 件",
        after={"share": str(share), "population": len(ids), "sample": sample, "seed": seed},
    )  # fmt: skip
    return check
