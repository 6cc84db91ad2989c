"""A program's configuration in force for a division: eligibility criteria, materials, deciding level."""

from dataclasses import dataclass
from datetime import date

from minzheng.policy.interface import ancestor_division_codes, record_in_force

from ..models import AssistanceProgram, ProgramSetting
from ..rules.program_defaults import criteria_for, materials_for
from .read_memo import active, memoised


@dataclass(frozen=True)
class ProgramConfiguration:
    """What applies to one program in one division on one day (defaults filled in)."""

    program_code: str
    enabled: bool
    deciding_level: str
    criteria: dict
    materials: tuple[str, ...]
    setting_id: int | None  # the ProgramSetting row in force, or None when only defaults apply
    source_note: str


def program_configuration(program: AssistanceProgram, division_code: str, on: date) -> ProgramConfiguration:
    """The most specific division's setting in force (as for standards), falling back to the shipped defaults."""
    ancestors = ancestor_division_codes(division_code)
    if active():  # a pass over many cases: the program's few settings read once, matched here
        rows = memoised(
            ("program_settings", program.pk), lambda: list(ProgramSetting.objects.filter(program=program))
        )
        rows = [row for row in rows if row.division_code in ancestors]
    else:
        rows = ProgramSetting.objects.filter(program=program, division_code__in=ancestors)
    versions = [row for row in rows if row.valid_to is None or row.valid_to >= on]
    setting = record_in_force(versions, division_code, on)
    if setting is None:
        return ProgramConfiguration(
            program.code, program.enabled, program.deciding_level, criteria_for(program.code),
            materials_for(program.code), None, "项目缺省设置",
        )  # fmt: skip
    return ProgramConfiguration(
        program_code=program.code,
        enabled=program.enabled and setting.enabled,
        deciding_level=setting.deciding_level or program.deciding_level,
        criteria=setting.criteria or criteria_for(program.code),
        materials=tuple(setting.materials) or materials_for(program.code),
        setting_id=setting.pk,
        source_note=setting.source_note,
    )


def setting_list(user):
    """Every local setting version visible to the user (their jurisdiction and the divisions above)."""
    from minzheng.policy.interface import visible

    return visible(ProgramSetting.objects.select_related("program"), user).order_by(
        "program__sort_order", "program__code", "division_code", "-effective_from"
    )
