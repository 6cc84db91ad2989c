"""数据中心's demo: the first 数据质量检查 over the demo world, and the person whose file spans the most domains
(named on the command's output, so a demonstration can open a rich 一人一档 straight away)."""

from dataclasses import dataclass
from datetime import date

from minzheng.core.models import HouseholdMembership
from minzheng.core.timelines import TimelineSubject, timeline_providers

from ..services.quality import run_quality

_CANDIDATES = 400  # members of households with a 社会救助 story are the likeliest to appear in many domains


@dataclass(frozen=True)
class DemoSummary:
    checked: int
    failed: int
    person_id: int | None
    person_name: str
    domains: tuple[str, ...]


def richest_person(today: date) -> tuple[int | None, str, tuple[str, ...]]:
    """The person (of the first candidates) whose story covers the most domains."""
    best: tuple[int | None, str, tuple[str, ...]] = (None, "", ())
    providers = timeline_providers()
    memberships = (
        HouseholdMembership.objects.filter(person__residence_division_code__startswith="210602")
        .select_related("person")
        .order_by("household_id", "pk")[:_CANDIDATES]
    )
    for membership in memberships:
        person = membership.person
        subject = TimelineSubject(
            person_ids=frozenset({person.pk}),
            household_ids=frozenset({membership.household_id}),
            id_numbers=frozenset({person.id_number}),
            phones=frozenset({person.phone} if person.phone else ()),
        )
        domains = tuple(sorted({e.domain for provider in providers for e in provider(None, subject)}))
        if len(domains) > len(best[2]):
            best = (person.pk, person.name, domains)
    return best


def load_demo(today: date | None = None) -> DemoSummary:
    today = today or date.today()
    run = run_quality(today)
    person_id, name, domains = richest_person(today)
    return DemoSummary(run.checked, run.failed, person_id, name, domains)
