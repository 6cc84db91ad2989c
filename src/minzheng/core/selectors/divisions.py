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
