"""What other apps may ask 区划地名 (frozen dataclasses, never models)."""

from dataclasses import dataclass

from .models import NameStatus, PlaceName


@dataclass(frozen=True)
class StandardName:
    name: str
    roman: str
    category: str
    division_code: str


def standard_names(term: str, limit: int = 20) -> list[StandardName]:
    """现行标准地名 matching a term (public information: no jurisdiction applies)."""
    qs = (
        PlaceName.objects.filter(status=NameStatus.APPROVED, specific__contains=term.strip())
        if term.strip()
        else []
    )
    return [
        StandardName(p.full_name, p.roman, p.get_category_display(), p.division_code)
        for p in (qs.order_by("specific", "pk")[:limit] if qs != [] else [])
    ]


def standard_name_count(division_code_prefix: str) -> int:
    return PlaceName.objects.filter(
        status=NameStatus.APPROVED, division_code__startswith=division_code_prefix
    ).count()
