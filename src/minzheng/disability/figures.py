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
    holders = list(
        DisabilityCertificate.objects.filter(division_code__startswith=prefix, person__is_deceased=False)
        .select_related("person")
        .order_by("division_code", "number")
    )
    if not holders:
        return 0, 0, []
    status = households_status([c.person_id for c in holders], on)
    live = set(
        SubsidyApplication.objects.filter(
            person_id__in=[c.person_id for c in holders], status__in=LIVE
        ).values_list("person_id", "kind")
    )
    option_cache: dict[str, eligibility.Options] = {}
    eligible = covered = 0
    missing = []
    for c in holders:
        opts = option_cache.setdefault(c.division_code, options(c.division_code, on))
        cert = eligibility.Certificate(c.category, c.grade, c.valid_from, c.valid_until)
        kinds = [k for k in LABEL if eligibility.eligible(k, cert, status[c.person_id], opts, on)]
        if not kinds:
            continue
        eligible += 1
        gaps = tuple(k for k in kinds if (c.person_id, k) not in live)
        if gaps:
            missing.append(Missing(c.person_id, c.person.name, c.person.id_number, c.division_code,
                                   f"{c.category}{c.grade}级", gaps))  # fmt: skip
        else:
            covered += 1
    return covered, eligible, missing
