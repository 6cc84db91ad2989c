"""Pure rules of the warning lifecycle (预警处置流程): who a warning goes to, the moves allowed, overdue.

预警 → 分派 (to the township of residence, automatically; a county user may 分派/改派 by hand) → 核实 (visit) → 处置 → 关闭; a warning not
disposed by its time limit (working days) escalates to the county. No Django here (import-linter).
"""

from __future__ import annotations

from datetime import date

NEW = "new"
ASSIGNED = "assigned"
VERIFIED = "verified"
DISPOSED = "disposed"
CLOSED = "closed"
STATUSES = (
    (NEW, "预警"),
    (ASSIGNED, "已分派待核实"),
    (VERIFIED, "已核实待处置"),
    (DISPOSED, "已处置"),
    (CLOSED, "已关闭"),
)

TRANSFER = "transfer"
ALREADY_COVERED = "already_covered"
INELIGIBLE = "ineligible"
DISPOSALS = (
    (TRANSFER, "转入救助申请"),
    (ALREADY_COVERED, "已在保无需处置"),
    (INELIGIBLE, "不符合条件"),
)

#: which action each status allows next (a visit may be recorded again while verifying)
ALLOWED = {
    "assign": {NEW, ASSIGNED, VERIFIED},  # 分派 / 改派 while the warning is open
    "visit": {ASSIGNED, VERIFIED},
    "dispose": {VERIFIED},
    "close": {DISPOSED},
}
OPEN_STATUSES = (NEW, ASSIGNED, VERIFIED)


def township_of(division_code: str) -> str:
    """分派: the township (乡镇/街道) of residence — the first 9 digits; a record known only at county level
    stays with the county."""
    code = (division_code or "").ljust(12, "0")
    return code[:9].ljust(12, "0") if code[6:9] != "000" else code[:6].ljust(12, "0")


def county_of(division_code: str) -> str:
    return (division_code or "")[:6].ljust(12, "0")


def can(action: str, status: str) -> bool:
    return status in ALLOWED[action]


def is_overdue(status: str, due_on: date | None, today: date) -> bool:
    """Overdue = still waiting for 核实 or 处置 after its time limit."""
    return status in OPEN_STATUSES and due_on is not None and today > due_on


def disposal_problem(disposal: str, note: str, program_code: str) -> str | None:
    """A Chinese message when a 处置 is incomplete, else ``None``."""
    if disposal not in dict(DISPOSALS):
        return "请选择处置方式"
    if disposal == TRANSFER and not program_code:
        return "转入救助申请时请选择救助项目"
    if disposal == INELIGIBLE and not note.strip():
        return "不符合条件时请填写理由"
    return None


_SUGGESTED = {
    "medical_expense": "expenditure_hardship",
    "severe_disability": "disability_living",
    "working_age_death": "temporary_emergency",
    "unemployment": "temporary_emergency",
    "disaster_loss": "temporary_emergency",
}


def suggested_program(rule_code: str, area: str) -> str:
    """The program a caseworker most often opens for a warning of this rule (pre-selected, changeable)."""
    if rule_code == "income_below_line":
        return "dibao_rural" if area == "rural" else "dibao_urban"
    return _SUGGESTED.get(rule_code, "")
