"""规则修订影响清单: which in-force enrolments the corrected rules (issue 13) would judge differently.

Read-only: it lists, per enrolment, each eligibility line the rules in force now mark as not met (特困 income
against the 低保标准 and 无劳动能力, 两项补贴 scope …) and the 复核 cycle that changes at the next review. Nothing
is changed here — amounts, enrolments and payroll history stay as decided; the caseworker acts through 复核.
"""

from dataclasses import dataclass
from datetime import date

from minzheng.core.jurisdiction import covers, division_prefix

from ..models import Enrolment
from ..selectors.books import policy_book
from ..selectors.entitlements import enrolments_in_force
from ..selectors.read_memo import shared_reads
from .case_benefits import eligibility_for, members_of_households

# Programs whose eligibility rules changed (特困 认定, 两项补贴); 低保 for the 复核 cycle.
CHECKED_CATEGORIES = (
    "tekun_centralised", "tekun_dispersed", "disability_living", "disability_care", "dibao_urban", "dibao_rural",
)  # fmt: skip


@dataclass(frozen=True)
class RuleChangeImpact:
    enrolment_id: int
    household_number: str
    program_name: str
    division_code: str
    change: str


def rule_change_impacts(user, on: date, *, division_code: str = "") -> list[RuleChangeImpact]:
    """The impacts inside the user's jurisdiction (and ``division_code``, if given) on ``on`` (one policy book
    for the whole run); the command passes ``user=None`` for the whole database."""
    if user is not None and not division_prefix(getattr(user, "division_code", "") or ""):
        return []  # no jurisdiction, nothing to see (``None`` is the nightly command: nationwide)
    if user is not None and not (division_code and covers(user.division_code, division_code)):
        division_code = user.division_code
    enrolments = (
        enrolments_in_force(on, division_code=division_code)
        .filter(program__category__in=CHECKED_CATEGORIES)
        .select_related("program", "household", "case", "case__program")
        .order_by("division_code", "household__number", "pk")
    )
    book = policy_book(sorted({e.division_code for e in enrolments}) or ["000000000000"])
    enrolments = list(enrolments)
    members = members_of_households({e.case.household_id for e in enrolments if e.case is not None}, on)
    rows: list[RuleChangeImpact] = []
    with shared_reads():  # program settings and the 特困 roll read once for the whole list
        for enrolment in enrolments:
            rows.extend(_impacts(enrolment, on, book, members))
    return rows


def _impacts(enrolment: Enrolment, on: date, book, members: dict) -> list[RuleChangeImpact]:
    def row(change: str) -> RuleChangeImpact:
        return RuleChangeImpact(
            enrolment.pk, enrolment.household.number, enrolment.program.name, enrolment.division_code, change
        )

    found = []
    case = enrolment.case
    if case is not None and enrolment.program.category not in ("dibao_urban", "dibao_rural"):
        eligibility = eligibility_for(case, members.get(case.household_id, []), on, book)
        found += [
            row(f"按现行认定条件不符合：{r.label}（{r.detail}）") for r in eligibility if r.met is False
        ]
    if enrolment.review_category == "other" and case is not None and case.income_source == "engine":
        found.append(
            row("收入稳定，复核周期由每半年改为每年（民发〔2021〕57号第三十一条），下次复核后按新周期排期")
        )
    return found
