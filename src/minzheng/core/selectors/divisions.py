"""行政区划 reads: names, children for the division picker (limited to the user's jurisdiction)."""

from ..jurisdiction import division_prefix, full_code
from ..models import Division


def division_name(code: str) -> str:
    if not division_prefix(code):
        return "全国"
    division = Division.objects.filter(code=full_code(division_prefix(code)), valid_to__isnull=True).first()
    return division.name if division else code


def names_of(codes: set[str]) -> dict[str, str]:
    """Names for a page's worth of codes in one query (no N+1 in tables)."""
    return dict(Division.objects.filter(code__in=codes, valid_to__isnull=True).values_list("code", "name"))


def division_path(code: str) -> list[Division]:
    """The chain from province down to the division itself (for breadcrumbs and full addresses)."""
    prefix = division_prefix(code)
    codes = [full_code(prefix[:n]) for n in (2, 4, 6, 9, 12) if n <= len(prefix)]
    found = {d.code: d for d in Division.objects.filter(code__in=codes, valid_to__isnull=True)}
    return [found[c] for c in codes if c in found]


def full_division_name(code: str) -> str:
    return "".join(d.name for d in division_path(code) if d.name not in ("市辖区",))


def children_in_jurisdiction(user, parent_code: str | None) -> list[Division]:
    """Children of ``parent_code`` the user may choose; the user's own division when no parent is given.
    A parent outside the jurisdiction has, for this user, no children."""
    own = division_prefix(user.division_code)
    if not parent_code:
        if not own:
            return list(Division.objects.filter(level=1, valid_to__isnull=True).order_by("code"))
        return list(Division.objects.filter(code=full_code(own), valid_to__isnull=True))
    parent = division_prefix(parent_code)
    if not parent.startswith(own):
        return []
    return list(
        Division.objects.filter(parent_code=full_code(parent), valid_to__isnull=True).order_by("code")
    )


def child_names(parent_code: str) -> dict[str, str]:
    return dict(
        Division.objects.filter(
            parent_code=full_code(division_prefix(parent_code)), valid_to__isnull=True
        ).values_list("code", "name")
    )


def descendant_codes(code: str, level: int) -> list[str]:
    """Codes of the current divisions at ``level`` inside a division (e.g. its counties, level 3), for
    figures averaged over them; the division itself when it is at or below that level."""
    from ..jurisdiction import division_level

    if division_level(code) >= level:
        return [full_code(division_prefix(code))]
    return list(
        Division.objects.filter(code__startswith=division_prefix(code), level=level, valid_to__isnull=True)
        .order_by("code")
        .values_list("code", flat=True)
    )


TOWNSHIP_KINDS = (
    "town",
    "township",
    "ethnic_township",
    "sumu",
    "ethnic_sumu",
    "subdistrict",
    "district_office",
    "other",
)


def township_counts(code: str) -> dict[str, int]:
    """乡级行政区划 inside a division by kind, told from the official name (镇 / 乡 / 民族乡 / 苏木 / 民族苏木 /
    街道 / 区公所) — the rows of the 民政统计报表."""
    names = Division.objects.filter(
        code__startswith=division_prefix(code), level=4, valid_to__isnull=True
    ).values_list("name", flat=True)
    counts = dict.fromkeys(TOWNSHIP_KINDS, 0)
    for name in names:
        counts[_township_kind(name)] += 1
    return counts


def _township_kind(name: str) -> str:
    if name.endswith("街道") or name.endswith("街道办事处"):
        return "subdistrict"
    if name.endswith("区公所"):
        return "district_office"
    if name.endswith("民族苏木"):
        return "ethnic_sumu"
    if name.endswith("苏木"):
        return "sumu"
    if name.endswith("族乡"):
        return "ethnic_township"
    if name.endswith("镇"):
        return "town"
    if name.endswith("乡"):
        return "township"
    return "other"  # 农场, 开发区管委会 … are township-level units but none of the form's kinds
