"""Readings and Romanisation of place names (地名的罗马字母拼写), pure.

《地名管理条例》(2022) 第八条: 罗马字母拼写以《汉语拼音方案》为统一规范; 民政部令第71号 (实施办法) and the
汉语拼音正词法 for place names: 专名 and 通名 are written apart, each capitalised, the syllables of one part
joined, an apostrophe before a syllable starting with a, o or e (Xi'an). Readings come from the small table in
``pinyin_table`` (tone numbers); a character it lacks is returned in ``missing`` and never guessed.
"""

from dataclasses import dataclass

from .pinyin_table import READINGS

_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


@dataclass(frozen=True)
class Reading:
    syllables: tuple[str, ...]  # "dong1", "gang3" …; unknown characters left out
    missing: tuple[str, ...]  # characters the table lacks

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def key(self) -> str:
        """Tone-aware reading: two names sound alike exactly when their keys are equal."""
        return " ".join(self.syllables)

    @property
    def toneless(self) -> str:
        return " ".join(s.rstrip("12345") for s in self.syllables)


def reading(text: str) -> Reading:
    syllables, missing = [], []
    for char in text:
        if char.isspace() or char in "·-（）()":
            continue
        if char in READINGS:
            syllables.append(READINGS[char])
        else:
            missing.append(char)
    return Reading(tuple(syllables), tuple(dict.fromkeys(missing)))


def tone_marked(syllable: str) -> str:
    """dong1 → dōng; lü4 → lǜ; neutral tone (5) and an unmarked syllable stay bare."""
    if not syllable or not syllable[-1].isdigit():
        return syllable
    body, tone = syllable[:-1], int(syllable[-1])
    if tone == 5 or tone == 0:
        return body
    for vowel in ("a", "e"):
        if vowel in body:
            return body.replace(vowel, _MARKS[vowel][tone - 1], 1)
    if "ou" in body:
        return body.replace("o", _MARKS["o"][tone - 1], 1)
    for index in range(len(body) - 1, -1, -1):
        if body[index] in _MARKS:
            return body[:index] + _MARKS[body[index]][tone - 1] + body[index + 1 :]
    return body


def _join(syllables: list[str]) -> str:
    word = ""
    for syllable in syllables:
        if word and syllable[:1] in (
            "a",
            "o",
            "e",
            "ā",
            "á",
            "ǎ",
            "à",
            "ō",
            "ó",
            "ǒ",
            "ò",
            "ē",
            "é",
            "ě",
            "è",
        ):
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


def romanize(specific: str, generic: str, *, tones: bool = False) -> str:
    """专名 and 通名 written apart: 振安 区 → "Zhen'an Qu" (tones=True: "Zhèn'ān Qū"). Empty when a character
    is missing from the table (the form asks for the spelling instead)."""
    parts = []
    for text in (specific, generic):
        r = reading(text)
        if not r.complete:
            return ""
        if r.syllables:
            parts.append(_join([tone_marked(s) if tones else s.rstrip("12345") for s in r.syllables]))
    return " ".join(parts)
