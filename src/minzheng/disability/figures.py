"""两项补贴覆盖率: who is eligible (残联 certificate data × 社会救助's 低保 × the province's extensions, the day's
rule) and who of them receives or has a file in process — read-only, computed per division prefix.

Covered = every subsidy the person is eligible for is paying or in process (受理 → 审定); the rest are the
missing persons (应补尽补), each with the subsidies not covered."""

from dataclasses import dataclass
from datetime import date

from .models import LIVE, DisabilityCertificate, SubsidyApplication
from .rules import eligibility
from .services.common import households_status, options

LABEL = {eligibility.LIVING: "困难残疾人生活补贴", eligibility.CARE: "重度残疾人护理补贴"}


@dataclass(frozen=True)
class Missing:
    person_id: int
    name: str
    id_number: str
    division_code: str
    certificate: str
    kinds: tuple[str, ...]


def eligible_and_covered(prefix: str, on: date) -> tuple[int, int, list[Missing]]:
    return coverage_for([prefix], [on])[prefix, on]


def coverage_for(
    prefixes: list[str], days: list[date]
) -> dict[tuple[str, date], tuple[int, int, list[Missing]]]:
    """(covered, eligible, missing) for each prefix and day: the certificates and files of all the prefixes are
    read once; 低保 status once per day (社会救助's door answers one day at a time)."""
    from django.db.models import Q

    empty = {(prefix, day): (0, 0, []) for prefix in prefixes for day in days}
    where = Q()
    for prefix in prefixes:
        where |= Q(division_code__startswith=prefix)
    holders = list(
        DisabilityCertificate.objects.filter(where, person__is_deceased=False)
        .select_related("person")
        .order_by("division_code", "number")
    )
    if not holders:
        return empty
    ids = [c.person_id for c in holders]
    live = set(
        SubsidyApplication.objects.filter(person_id__in=ids, status__in=LIVE).values_list("person_id", "kind")
    )
    result = dict(empty)
    for day in days:
        status = households_status(ids, day)
        option_cache: dict[str, eligibility.Options] = {}
        per_person = []
        for c in holders:
            opts = option_cache.setdefault(c.division_code, options(c.division_code, day))
            cert = eligibility.Certificate(c.category, c.grade, c.valid_from, c.valid_until)
            kinds = [k for k in LABEL if eligibility.eligible(k, cert, status[c.person_id], opts, day)]
            if kinds:
                gaps = tuple(k for k in kinds if (c.person_id, k) not in live)
                per_person.append((c, gaps))
        for prefix in prefixes:
            mine = [(c, gaps) for c, gaps in per_person if c.division_code.startswith(prefix)]
            missing = [
                Missing(
                    c.person_id,
                    c.person.name,
                    c.person.id_number,
                    c.division_code,
                    f"{c.category}{c.grade}级",
                    gaps,
                )
                for c, gaps in mine
                if gaps
            ]
            result[prefix, day] = (len(mine) - len(missing), len(mine), missing)
    return result
