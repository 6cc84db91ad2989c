"""Division-code prefixes: how a parameter set for a province, city or county reaches its villages.

统计用区划代码 are 12 digits: province 2 + city 2 + county 2 + township 3 + village 3; the 6-digit GB/T 2260
code is its prefix. Trailing all-zero segments mean "the whole level above", so ``210600`` (丹东市) and
``210600000000`` both reduce to the significant prefix ``2106``.
"""

from functools import lru_cache

_SEGMENT_WIDTHS = (2, 2, 2, 3, 3)


# Pure and called for every (version, division) pair a policy book resolves: tens of thousands of times over
# a county's cases, on a few thousand distinct codes.
@lru_cache(maxsize=65536)
def significant_division_prefix(code: str) -> str:
    """The division code without its trailing all-zero segments (``210602000000`` → ``210602``)."""
    if not code.isdigit() or len(code) not in (2, 4, 6, 9, 12):
        raise ValueError(f"not a division code: {code!r}")
    segments: list[str] = []
    position = 0
    for width in _SEGMENT_WIDTHS:
        if position >= len(code):
            break
        segments.append(code[position : position + width])
        position += width
    while segments and set(segments[-1]) == {"0"}:
        segments.pop()
    return "".join(segments)


def division_covers(parameter_division: str, division: str) -> bool:
    """True when a parameter set for ``parameter_division`` applies to ``division`` (or is the same one)."""
    return significant_division_prefix(division).startswith(significant_division_prefix(parameter_division))
