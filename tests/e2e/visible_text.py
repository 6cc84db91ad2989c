"""What a user reads on a page, and the developer strings that must never be part of it (issue 16, item 5):
English enum values, snake_case keys, JSON braces, full 18-digit ID numbers."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

from stdnum.cn import ric

# Elements whose content is never shown as text.
_INVISIBLE = {"script", "style", "template", "head", "noscript"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.chunks: list[str] = []

    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        # ``hidden`` elements count: a script may show them (dialogs, disclosure panels).
        self.stack.append((tag, tag in _INVISIBLE))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self._hidden() and data.strip():
            self.chunks.append(data.strip())


def visible_text(html: str) -> str:
    """The page's text as a user sees it: tags, attributes (hidden inputs' values among them), scripts,
    styles stripped; option labels and textarea contents kept."""
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.chunks)


@cache
def enum_values() -> frozenset[str]:
    """Every stored value of a ``choices`` field of the project's models that is an English word (``urban``,
    ``approved``, ``transfer``…) — the values the UI must show through their Chinese labels."""
    from django.apps import apps

    values: set[str] = set()
    for model in apps.get_models():
        if not model.__module__.startswith("minzheng."):
            continue
        for f in model._meta.get_fields():
            for value, _label in getattr(f, "flatchoices", None) or []:
                if isinstance(value, str) and re.fullmatch(r"[A-Za-z][A-Za-z_]{2,}", value):
                    values.add(value)
    return frozenset(values)


# A word standing alone: not part of a file name, a path or an address (``dandong-city-plan.txt``), nor the
# syllables after a pinyin apostrophe or a ü (the official spellings "Xing'anmin Lu", "Qulüchuan Cun" are one
# word each, capitalised).
_LATIN = "A-Za-z\u00c0-\u024f"
_WORD = re.compile(
    rf"(?<![{_LATIN}0-9_./:@'’-])[A-Za-z][A-Za-z0-9_]*(?![{_LATIN}0-9_]|[-.@/'’][{_LATIN}0-9])"
)
_SNAKE = re.compile(r"(?<![A-Za-z0-9_./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])")
_ID18 = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


# Lower-case English words a Chinese page may show: file types named on download buttons.
_ALLOWED_WORDS = frozenset({"xlsx", "pdf", "docx", "csv", "zip", "parquet"})


def developer_strings(text: str, *, data: frozenset[str] = frozenset()) -> list[str]:
    """The developer strings in ``text``, each named by its kind. ``data`` are strings that are records'
    own values although they look like code (login names such as ``county_caseworker``)."""
    found: list[str] = []
    enums = enum_values()
    for word in _WORD.findall(text):
        if word in data:
            continue
        if word in enums:
            found.append(f"英文枚举值 {word}")
        elif "_" in word and _SNAKE.fullmatch(word):
            found.append(f"snake_case {word}")
        elif word.islower() and len(word) > 2 and word not in _ALLOWED_WORDS:
            # A lower-case English word on a Chinese page is a key or code left untranslated
            # ("issue 5", "amount=10000", "pension").
            found.append(f"英文词 {word}")
    for line in text.splitlines():
        if "{" in line or "}" in line:
            found.append(f"花括号 {line[:80]}")
    found += [f"完整身份证号 {m}" for m in _ID18.findall(text) if ric.is_valid(m)]
    return list(dict.fromkeys(found))
