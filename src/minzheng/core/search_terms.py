"""What a typed search term can mean (全局检索, pickers, the list pages' search boxes). Pure, no Django.

One box takes a name, a full or partial 公民身份号码, a 户编号, a 案件编号 or 预警编号, or a phone number.
The term is read once here into the readings worth trying, each only where it is selective enough to be
answered from an index (ADR 0013): "1234" is the end of an ID number (or a phone's), never "every ID that
contains 1234"; a 6-digit number is not an ID *prefix* (that is a whole county).
"""

import re
import unicodedata
from dataclasses import dataclass, field

MAX_LENGTH = 40

_FULL_ID = re.compile(r"^(\d{17}[\dX]|\d{15})$")
_DIGITS = re.compile(r"^\d+X?$")
_CODE = re.compile(r"^[A-Z]{1,4}[\dA-Z-]{3,}$")
_NAME = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff·A-Z]+$")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Shortest fragment worth a query, per reading: shorter ones match too many rows to be useful or fast.
MIN_ID_TAIL = 4  # 末4位
MIN_ID_HEAD = 10  # address code + year of birth at least
MIN_PHONE = 7
MIN_NUMBER = 4


@dataclass(frozen=True)
class SearchTerm:
    """A search box's text, normalised (full-width → ASCII, blanks removed, upper case), and its readings."""

    text: str = ""
    #: what the registry found for this term, per user and reading, so the groups of one results page ask
    #: once (a term lives for one request; see ``core.selectors.search``)
    found: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_full_id(self) -> bool:
        return bool(_FULL_ID.match(self.text))

    @property
    def digits(self) -> str:
        """Digits (an ID's final X allowed): a fragment of an ID, phone, 户编号 or 案件编号."""
        return self.text if _DIGITS.match(self.text) else ""

    @property
    def id_tail(self) -> str:
        """The last digits of an ID number (4 or more)."""
        return self.digits if len(self.digits) >= MIN_ID_TAIL and not self.is_full_id else ""

    @property
    def id_head(self) -> str:
        return self.digits if len(self.digits) >= MIN_ID_HEAD and not self.is_full_id else ""

    @property
    def phone(self) -> str:
        text = self.digits
        return text if len(text) >= MIN_PHONE and text.isdigit() else ""

    @property
    def number(self) -> str:
        """A record's number or its beginning: 户编号 (digits), 案件编号 JZ…, 预警编号 YJ…, 临时编号 LS…"""
        if self.digits and len(self.digits) >= MIN_NUMBER:
            return self.digits
        return self.text if _CODE.match(self.text) and not _NAME.match(self.text) else ""

    @property
    def name(self) -> str:
        """A name or part of one: Chinese characters (and the · of minority names)."""
        return self.text if _NAME.match(self.text) and _CJK.search(self.text) else ""

    @property
    def searchable(self) -> bool:
        return bool(self.is_full_id or self.id_tail or self.number or self.name)


def parse_search_term(raw: object) -> SearchTerm:
    """The term as typed → ``SearchTerm``; anything too long or of control characters reads as empty."""
    text = unicodedata.normalize("NFKC", str(raw or ""))
    text = "".join(text.split()).upper().replace("•", "·").replace("・", "·")
    if len(text) > MAX_LENGTH or any(unicodedata.category(c).startswith("C") for c in text):
        return SearchTerm("")
    return SearchTerm(text)


def reversed_text(text: str) -> str:
    """The key ``core.models.people.ReversedCopy`` stores: the text backwards."""
    return text[::-1]


TOO_SHORT = "请输入姓名（至少1个汉字）、身份证号后4位以上、户编号、案件编号或电话号码"
