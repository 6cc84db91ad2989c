"""寻亲 matcher: scores a missing-person report or a 易走失 registration against a station client, the Primero
family-tracing pattern (weighted comparison of name, sex, age, place and features; the caseworker confirms).

A component counts only when both sides know it; the score is the weighted sum of the known components over
the sum of *all* weights, so a record that agrees on more fields ranks higher and an exact copy of a record
scores at least as high as any other candidate. Every component is symmetric, so ``score(a, b) == score(b, a)``.
Names compare by characters first, then by toneless pinyin (同音: 张秀英/章秀英; dialect spellings from the
police), then by pinyin syllable edit distance. Weights are arguments (``Weights``), not literals in the code.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pypinyin import lazy_pinyin

_SEPARATORS = re.compile(r"[\s,，、;；。/]+")


@dataclass(frozen=True)
class Profile:
    """What is known of a person on either side: name ("" when unknown), sex ("male"/"female"/""), age range in
    years (estimated for an unidentified client), place (a division code and/or text), features (tokens)."""

    key: str
    name: str = ""
    sex: str = ""
    age_low: int | None = None
    age_high: int | None = None
    place_code: str = ""
    place_text: str = ""
    features: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Weights:
    name: int = 35
    sex: int = 15
    age: int = 20
    place: int = 15
    features: int = 15

    @property
    def total(self) -> int:
        return self.name + self.sex + self.age + self.place + self.features


@dataclass(frozen=True)
class Match:
    key: str
    score: float  # 0..1
    parts: tuple[tuple[str, float], ...]  # (component label, 0..1) for the components both sides know

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def feature_tokens(text: str) -> frozenset[str]:
    return frozenset(token for token in _SEPARATORS.split(text or "") if token)


@lru_cache(maxsize=4096)
def syllables(name: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(name))


def _edit_distance(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def name_similarity(a: str, b: str) -> float:
    """1 for the same characters, 0.85 for the same toneless pinyin (同音字), otherwise 0.7 × the share of pinyin
    syllables in common by edit distance."""
    a, b = a.strip(), b.strip()
    if a == b:
        return 1.0
    pa, pb = syllables(a), syllables(b)
    if pa == pb:
        return 0.85
    longest = max(len(pa), len(pb))
    return round(0.7 * (1 - _edit_distance(pa, pb) / longest), 4) if longest else 0.0


def age_similarity(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Overlapping ranges agree; otherwise the gap in years lowers the score to 0 at 10 years."""
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return 1.0 if gap <= 0 else max(0.0, 1 - gap / 10)


_LEVELS = ((12, 1.0), (9, 0.85), (6, 0.7), (4, 0.4), (2, 0.2))


def place_similarity(a: Profile, b: Profile) -> float | None:
    """By division code (same village 1, township 0.85, county 0.7, city 0.4, province 0.2), else by text."""
    if a.place_code and b.place_code:
        return next(
            (value for digits, value in _LEVELS if a.place_code[:digits] == b.place_code[:digits]), 0.0
        )
    if a.place_text and b.place_text:
        x, y = a.place_text.strip(), b.place_text.strip()
        return 1.0 if x == y else (0.7 if x in y or y in x else 0.0)
    return None


def _age_range(p: Profile) -> tuple[int, int] | None:
    if p.age_low is None and p.age_high is None:
        return None
    low = p.age_low if p.age_low is not None else p.age_high
    high = p.age_high if p.age_high is not None else p.age_low
    return (min(low, high), max(low, high))


def score(a: Profile, b: Profile, weights: Weights = Weights()) -> Match:
    """The weighted agreement of ``b`` with ``a`` (symmetric). Both sexes known and different → 0: a report of a
    woman is never proposed for a man."""
    if a.sex and b.sex and a.sex != b.sex:
        return Match(b.key, 0.0, (("性别", 0.0),))
    parts: list[tuple[str, float, int]] = []
    if a.name.strip() and b.name.strip():
        parts.append(("姓名", name_similarity(a.name, b.name), weights.name))
    if a.sex and b.sex:
        parts.append(("性别", 1.0, weights.sex))
    ra, rb = _age_range(a), _age_range(b)
    if ra and rb:
        parts.append(("年龄", age_similarity(ra, rb), weights.age))
    place = place_similarity(a, b)
    if place is not None:
        parts.append(("地点", place, weights.place))
    if a.features and b.features:
        jaccard = len(a.features & b.features) / len(a.features | b.features)
        parts.append(("体貌特征", jaccard, weights.features))
    total = sum(value * weight for _, value, weight in parts) / weights.total if weights.total else 0.0
    return Match(b.key, round(total, 6), tuple((label, value) for label, value, _ in parts))


def rank(
    query: Profile, candidates: list[Profile], weights: Weights = Weights(), threshold: float = 0.0
) -> list[Match]:
    """Candidates scored against ``query``, best first (ties by key, so the order is stable), at or above
    ``threshold``."""
    scored = [score(query, candidate, weights) for candidate in candidates]
    return sorted((m for m in scored if m.score >= threshold), key=lambda m: (-m.score, m.key))
