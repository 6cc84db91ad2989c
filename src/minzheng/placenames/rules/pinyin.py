"""Readings and Romanisation of place names (地名的罗马字母拼写), pure.

《地名管理条例》(2022) 第八条: 罗马字母拼写以《汉语拼音方案》为统一规范; 民政部令第71号 (实施办法) and the
汉语拼音正词法 for place names: 专名 and 通名 are written apart, each capitalised, the syllables of one part
joined, an apostrophe before a syllable starting with a, o or e (Xi'an). Readings come from pypinyin, whose
phrase dictionary knows place names' readings of polyphonic characters (长春 Chángchūn, 吴堡 Wúbǔ); a character
that is not a Chinese character (a digit, a Latin letter) is returned in ``missing`` and never guessed.
"""

import re
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin
from pypinyin.contrib.tone_convert import tone3_to_tone

_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
_SKIPPED = set("·-（）() ")


@dataclass(frozen=True)
class Reading:
    syllables: tuple[str, ...]  # "dong1", "gang3" …; characters without a reading left out
    missing: tuple[str, ...]  # characters that have no Hanyu Pinyin reading

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
    chars = [char for char in text if not char.isspace() and char not in _SKIPPED]
    missing = [char for char in chars if not _HAN.match(char)]
    han = "".join(char for char in chars if _HAN.match(char))
    syllables = lazy_pinyin(han, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=True) if han else []
    return Reading(tuple(syllables), tuple(dict.fromkeys(missing)))


def tone_marked(syllable: str) -> str:
    """dong1 → dōng; lü4 → lǜ; the neutral tone (5) stays bare."""
    return tone3_to_tone(syllable)


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
