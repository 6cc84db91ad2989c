"""What every 两项补贴 service needs: jurisdiction, text checks, the policy numbers, the audit line."""

from datetime import date

from django.db import models
from django.http import Http404

from minzheng.assistance.interface import program_categories_on, standard_in_force
from minzheng.core.errors import MinzhengError
from minzheng.core.jurisdiction import covers
from minzheng.core.services.audit import record_event, snapshot
from minzheng.policy.interface import (
    NATIONAL,
    ParameterNotSet,
    parameter_in_force,
    parameter_value,
    working_day_deadline,
)

from ..errors import InvalidDisabilityInput
from ..policy_parameters import SEEDS
from ..rules import eligibility

_SHIPPED = {seed.name: seed.value for seed in SEEDS if seed.division_code == NATIONAL}
DIBAO = frozenset({"dibao_urban", "dibao_rural"})
DIBAO_EDGE = frozenset({"dibao_edge"})
PROGRAM = {eligibility.LIVING: "disability_living", eligibility.CARE: "disability_care"}


def check_in_jurisdiction(actor, record_division_code: str) -> None:
    """Another region's record is refused as if it did not exist."""
    if not covers(actor.division_code, record_division_code):
        raise Http404("记录不存在或不在您的管辖范围内")


def require_text(value: str, field: str, label: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidDisabilityInput(f"请填写{label}", field=field)
    if len(value) > max_length:
        raise InvalidDisabilityInput(f"{label}不能超过{max_length}个字", field=field)
    return value


def not_future(day: date | None, field: str, label: str, today: date | None = None) -> None:
    if day is not None and day > (today or date.today()):
        raise InvalidDisabilityInput(f"{label}不能晚于今天", field=field)


def not_before(day: date, earlier: date | None, field: str, label: str, earlier_label: str) -> None:
    if earlier is not None and day < earlier:
        raise InvalidDisabilityInput(f"{label}不能早于{earlier_label}（{earlier}）", field=field)


def days(name: str, division_code: str, on: date) -> int:
    """A time limit in force (the shipped national value before ``load_policy`` has run)."""
    return int(parameter_value(name, division_code, on, default=_SHIPPED[name]))


def due(start: date, name: str, division_code: str) -> date:
    return working_day_deadline(start, days(name, division_code, start))[0]


def options(division_code: str, on: date) -> eligibility.Options:
    """The province's extensions (社会救助's dated 是/否 parameters; unset = 否, the national rule)."""

    def adopted(name: str) -> bool:
        try:
            return parameter_in_force(name, division_code, on).text_value == "是"
        except ParameterNotSet:
            return False

    return eligibility.Options(
        adopted("disability_living_includes_dibao_edge"), adopted("disability_care_mental_grades_3_4")
    )


def households_status(person_ids: list[int], on: date) -> dict[int, eligibility.Household]:
    """低保 / 低保边缘 status of each person's household that day (社会救助's enrolments, through its door)."""
    found = program_categories_on(list(person_ids), on)
    return {
        pid: eligibility.Household(
            bool(found.get(pid, set()) & DIBAO), bool(found.get(pid, set()) & DIBAO_EDGE)
        )
        for pid in person_ids
    }


def standard(kind: str, division_code: str, on: date):
    """The dated monthly standard (社会救助's 保障标准 table, per division)."""
    try:
        return standard_in_force(division_code, PROGRAM[kind], on)
    except MinzhengError:
        raise InvalidDisabilityInput(
            f"{on} 没有可用的{dict(_LABEL)[kind]}标准，请先在社会救助“保障标准”中设置", field="decided"
        ) from None


_LABEL = ((eligibility.LIVING, "困难残疾人生活补贴"), (eligibility.CARE, "重度残疾人护理补贴"))


def audit(actor, action: str, row: models.Model, summary: str, fields: list[str]):
    record_event(
        actor,
        action,
        object_type=f"disability.{row._meta.model_name}",
        object_id=row.pk,
        division_code=getattr(row, "division_code", ""),
        summary=summary,
        after=snapshot(row, fields),
    )
