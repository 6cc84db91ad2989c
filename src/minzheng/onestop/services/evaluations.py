"""好差评: the resident rates a completed 办件; a 差评 is followed up within the working-day clock."""

from datetime import date

from django.db import transaction

from minzheng.core.identity import mask_id_number
from minzheng.core.jurisdiction import get_in_jurisdiction_or_404
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import parameter_value, working_day_deadline

from ..errors import InvalidOnestopInput, OnestopConflict
from ..models import AppEvent, AppStatus, Evaluation, Resident
from ..rules.evaluations import LEVELS, evaluation_problem, is_bad
from .applications import resident_application

RATEABLE = {AppStatus.COMPLETED, AppStatus.REJECTED, AppStatus.REFUSED}


@transaction.atomic
def rate(
    resident: Resident, pk: int, *, level: int, reasons: list[str], comment: str = "", on: date | None = None
):
    application = resident_application(resident, pk, lock=True)
    if application.status not in RATEABLE:
        raise OnestopConflict("办结后才能评价")
    if Evaluation.objects.filter(application=application).exists():
        raise OnestopConflict("该办件已评价")
    if problem := evaluation_problem(level, reasons):
        raise InvalidOnestopInput(problem, field="reasons" if "原因" in problem else "level")
    on = on or date.today()
    due = None
    if is_bad(level):
        days = int(parameter_value("onestop_bad_review_days", application.division_code, on, default=15))
        due, _ = working_day_deadline(on, days)
    evaluation = Evaluation.objects.create(
        application=application, level=level, reasons=reasons if is_bad(level) else [], comment=comment,
        rated_on=on, follow_up_due=due, division_code=application.division_code,
    )  # fmt: skip
    AppEvent.objects.create(
        application=application, label=f"评价：{LEVELS[level]}", note=comment, actor="申请人"
    )
    record_event(
        None, AuditEvent.CREATE, object_type="onestop_evaluation", object_id=evaluation.pk,
        division_code=application.division_code, username=f"居民:{mask_id_number(resident.id_number)}",
        summary=f"好差评 {application.number}：{LEVELS[level]}",
    )  # fmt: skip
    return evaluation


@transaction.atomic
def follow_up(user, pk: int, *, note: str, on: date | None = None):
    """差评整改反馈, recorded by a reviewing officer of the jurisdiction."""
    require(user, Capability.SUPERVISE_ONESTOP)
    evaluation = get_in_jurisdiction_or_404(
        Evaluation.objects.select_for_update(), user, "division_code", pk=pk
    )
    if evaluation.follow_up_due is None:
        raise OnestopConflict("只有差评需要整改反馈")
    if evaluation.followed_up_on:
        raise OnestopConflict("已反馈")
    if not note.strip():
        raise InvalidOnestopInput("请填写整改反馈内容", field="note")
    evaluation.followed_up_on, evaluation.follow_up_note = on or date.today(), note
    evaluation.save(update_fields=["followed_up_on", "follow_up_note"])
    record_event(
        user, AuditEvent.UPDATE, object_type="onestop_evaluation", object_id=evaluation.pk,
        division_code=evaluation.division_code, summary="差评整改反馈",
    )  # fmt: skip
    return evaluation
