"""Shipping the policy store's data: every domain's declared parameter versions and the holiday calendar.

Idempotent: a version already present (same name, division and effective date) is left as it is — an
administrator may have closed or superseded it since, and history is never rewritten.
"""

from dataclasses import dataclass

from django.db import transaction

from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event

from ..catalogue import seeds
from ..models import PolicyParameter
from .calendar import HOLIDAY_SEED_YEARS, seed_holidays
from .parameters import new_parameter
from .versions import insert_version

LOADER = "load_policy"


@dataclass(frozen=True)
class PolicyLoadResult:
    parameters: int
    holidays: int

    @property
    def total(self) -> int:
        return self.parameters + self.holidays


@transaction.atomic
def load_policy() -> PolicyLoadResult:
    """Write the shipped parameter versions of every app and the seeded 节假日; audited when anything is new."""
    result = PolicyLoadResult(parameters=_load_parameters(), holidays=seed_holidays(HOLIDAY_SEED_YEARS))
    if result.total:
        record_event(
            None,
            AuditEvent.IMPORT,
            object_type="policy_store",
            username=LOADER,
            summary=f"载入政策参数 {result.parameters} 条，节假日 {result.holidays} 天",
        )
    return result


def ensure_parameter(
    *, name: str, division_code: str, effective_from, value, source_note: str, text_value: str = ""
) -> bool:
    """A version for a division unless the division already has one of that parameter (demo data, tests)."""
    if PolicyParameter.objects.filter(name=name, division_code=division_code).exists():
        return False
    parameter = new_parameter(
        name=name, division_code=division_code, effective_from=effective_from, value=value,
        text_value=text_value, valid_to=None, source_note=source_note,
    )  # fmt: skip
    insert_version(PolicyParameter.objects.filter(name=name, division_code=division_code), parameter)
    return True


def _load_parameters() -> int:
    existing = set(PolicyParameter.objects.values_list("name", "division_code", "effective_from"))
    created = 0
    for seed in seeds():
        if (seed.name, seed.division_code, seed.effective_from) in existing:
            continue
        parameter = new_parameter(
            name=seed.name, division_code=seed.division_code, effective_from=seed.effective_from,
            value=seed.value, text_value=seed.text_value, source_note=seed.source_note, valid_to=seed.valid_to,
        )  # fmt: skip
        insert_version(
            PolicyParameter.objects.filter(name=seed.name, division_code=seed.division_code), parameter
        )
        created += 1
    return created
