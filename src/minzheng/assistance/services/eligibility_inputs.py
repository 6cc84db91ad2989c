"""The inputs of the eligibility rules that are not income or assets, read from the policy book and from the
facts recorded on the case (``services.eligibility_facts`` writes them)."""

from datetime import date

from ..models import AssistanceCase
from ..policy_book import PolicyBook
from ..rules.eligibility import DisabilityAllowanceOptions, MemberFacts, TekunLimits
from ..rules.household import MemberExclusion, MemberStatus, counted_members
from ..rules.tekun import DisabilityGradeLimits, Obligor, ObligorInability, TekunAgeLimits
from ..selectors.read_memo import active, memoised


def tekun_limits(book: PolicyBook, division_code: str, on: date) -> TekunLimits | None:
    """第五条's ages and disability grades in force for the division (None while any is not set)."""
    names = (
        "tekun_elderly_age", "tekun_minor_entry_age", "tekun_disability_max_grade_intellectual_mental",
        "tekun_disability_max_grade_physical", "tekun_disability_max_grade_visual",
    )  # fmt: skip
    values = [book.value(name, division_code, on) for name in names]
    if any(value is None for value in values):
        return None
    elderly, minor, mental, physical, visual = (int(value) for value in values)
    return TekunLimits(TekunAgeLimits(elderly, minor), DisabilityGradeLimits(mental, physical, visual))


def tekun_member_facts(case: AssistanceCase, members, on: date) -> list[MemberFacts]:
    """The members counted, with the school attendance the caseworker recorded; a member of a household that
    has a 特困 enrolment in force is 'already supported' (kept on while in school)."""
    from .beneficiaries import tekun_person_ids

    in_school = {int(pid) for pid in (case.eligibility_facts or {}).get("in_school", [])}
    ids = [m.person_id for m in members]
    if active():  # a pass over many cases: everyone 特困 that day, read once
        supported = memoised(
            ("tekun_person_ids", on), lambda: set(tekun_person_ids(on).values_list("person_id", flat=True))
        )
    else:
        supported = set(tekun_person_ids(on).filter(person_id__in=ids).values_list("person_id", flat=True))
    return [
        MemberFacts(
            m.name,
            m.age,
            m.disability_category,
            m.disability_grade,
            m.person_id in in_school,
            m.person_id in supported,
        )
        for m in members
    ]


def recorded_obligors(case: AssistanceCase) -> list[Obligor] | None:
    rows = (case.eligibility_facts or {}).get("obligors")
    if rows is None:
        return None
    return [
        Obligor(r["name"], r["relation"], ObligorInability(r["inability"]) if r["inability"] else None)
        for r in rows
    ]


DIBAO_CATEGORIES = ("dibao_urban", "dibao_rural")


def household_dibao_status(household_id: int, on: date) -> tuple[bool, bool]:
    """(in 低保, in 低保边缘): the household's enrolments in force on the day."""
    from ..selectors.entitlements import enrolments_in_force

    if active():  # a pass over many cases: every household's programs that day, read once
        by_household = memoised(("categories_in_force", on), lambda: _categories_in_force(on))
        categories = by_household.get(household_id, set())
    else:
        categories = set(
            enrolments_in_force(on)
            .filter(household_id=household_id)
            .values_list("program__category", flat=True)
        )
    return bool(categories & set(DIBAO_CATEGORIES)), "dibao_edge" in categories


def _categories_in_force(on: date) -> dict[int, set[str]]:
    from ..selectors.entitlements import enrolments_in_force

    found: dict[int, set[str]] = {}
    for household_id, category in enrolments_in_force(on).values_list("household_id", "program__category"):
        found.setdefault(household_id, set()).add(category)
    return found


def disability_options(book: PolicyBook, division_code: str, on: date) -> DisabilityAllowanceOptions:
    """The province's 两项补贴 extensions in force (是/否 choices; unset = 否, the national rule)."""

    def adopted(name: str) -> bool:
        version = book.parameter(name, division_code, on)
        return bool(version and version.text_value == "是")

    return DisabilityAllowanceOptions(
        adopted("disability_living_includes_dibao_edge"), adopted("disability_care_mental_grades_3_4")
    )


def household_counted_members(case: AssistanceCase, members, book: PolicyBook, on: date) -> list:
    """The 共同生活家庭成员 (民发〔2021〕57号 第七条) among the registered members, with the caseworker's
    recorded overrides applied."""
    facts = case.eligibility_facts or {}
    statuses = {
        int(pid): MemberStatus(MemberExclusion(row["reason"]), row.get("years"))
        for pid, row in (facts.get("member_status") or {}).items()
    }
    overrides = {int(pid): bool(row["counted"]) for pid, row in (facts.get("member_overrides") or {}).items()}
    clergy_years = int(book.value("clergy_exclusion_years", case.division_code, on) or 3)
    kept = set(
        counted_members([m.person_id for m in members], statuses, overrides, clergy_years=clergy_years)
    )
    return [m for m in members if m.person_id in kept]


def job_refusing_members(case: AssistanceCase, book: PolicyBook, on: date) -> int:
    """Members who refused the offered work ``job_refusals_limit`` times (《社会救助暂行办法》第四十五条)."""
    limit = book.value("job_refusals_limit", case.division_code, on)
    if limit is None:
        return 0
    refusals = (case.eligibility_facts or {}).get("job_refusals") or {}
    return sum(1 for count in refusals.values() if int(count) >= int(limit))
