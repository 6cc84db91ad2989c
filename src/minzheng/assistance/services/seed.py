"""Shipping 社会救助's data: programs and the plans' standards, after the policy store's parameters and holidays.

Idempotent: a row already present (same natural key) is left as it is — an administrator may have closed
or superseded it since, and history is never rewritten. Run by ``manage.py load_assistance_policy``.
"""

from dataclasses import dataclass

from django.db import transaction

from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import insert_version, load_policy

from .. import policy_seed
from ..models import AssistanceProgram, AssistanceStandard, ProgramCategory

LOADER = "load_assistance_policy"


@dataclass(frozen=True)
class LoadResult:
    programs: int
    parameters: int
    standards: int
    holidays: int

    @property
    def total(self) -> int:
        return self.programs + self.parameters + self.standards + self.holidays


@transaction.atomic
def load_assistance_policy() -> LoadResult:
    store = load_policy()  # 社会救助 reads the store's parameters and working days
    result = LoadResult(
        programs=_load_programs(),
        parameters=store.parameters,
        standards=_load_standards(),
        holidays=store.holidays,
    )
    if result.programs or result.standards:
        record_event(
            None,
            AuditEvent.IMPORT,
            object_type="assistance_policy",
            username=LOADER,
            summary=f"载入社会救助政策数据：项目 {result.programs}，标准 {result.standards}",
        )
    return result


def _load_programs() -> int:
    existing = set(AssistanceProgram.objects.values_list("code", flat=True))
    rows = [
        _program(order, seed)
        for order, seed in enumerate(policy_seed.PROGRAMS, start=1)
        if seed.code not in existing
    ]
    AssistanceProgram.objects.bulk_create(rows)
    return len(rows)


def _program(order: int, seed: policy_seed.SeedProgram) -> AssistanceProgram:
    return AssistanceProgram(
        code=seed.code, name=ProgramCategory(seed.category).label, category=seed.category,
        benefit_formula=seed.formula, base_standard=seed.base_standard, area=seed.area,
        review_cycle_months=seed.review_cycle_months, deciding_level=seed.deciding_level,
        policy_basis=seed.policy_basis, sort_order=order,
    )  # fmt: skip


def _load_standards() -> int:
    existing = set(AssistanceStandard.objects.values_list("kind", "area", "division_code", "effective_from"))
    created = 0
    for seed in policy_seed.STANDARDS:
        if (seed.kind, seed.area, seed.division_code, seed.effective_from) in existing:
            continue
        standard = AssistanceStandard(
            kind=seed.kind, area=seed.area, division_code=seed.division_code, effective_from=seed.effective_from,
            amount=seed.amount, period=seed.period, source_note=seed.source_note,
            is_reference_average=seed.is_reference_average,
        )  # fmt: skip
        insert_version(
            AssistanceStandard.objects.filter(
                kind=seed.kind, area=seed.area, division_code=seed.division_code
            ),
            standard,
        )
        created += 1
    return created
