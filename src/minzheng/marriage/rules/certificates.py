"""婚姻登记证字号: ``J|L|BJ|BL`` + 6-digit GB/T 2260 division code + ``-`` + year + ``-`` + 6-digit yearly sequence.

Source: 婚姻登记工作规范 (民发〔2015〕230号) practice, e.g. ``J110101-2010-000001`` — J 结婚证, L 离婚证,
BJ 补发结婚证, BL 补发离婚证 (domain-rules-2 §2.1).
"""

import re
from dataclasses import dataclass

KINDS = {"J": "结婚证", "L": "离婚证", "BJ": "补发结婚证", "BL": "补发离婚证"}
SEQUENCE_MAX = 999_999
_PATTERN = re.compile(r"^(BJ|BL|J|L)(\d{6})-(\d{4})-(\d{6})$")


class CertificateNumberError(ValueError):
    """A certificate number that cannot be formed (unknown kind, bad code, sequence exhausted)."""


@dataclass(frozen=True)
class CertificateNumber:
    kind: str
    division_code: str
    year: int
    sequence: int

    def __str__(self) -> str:
        return f"{self.kind}{self.division_code}-{self.year:04d}-{self.sequence:06d}"


def certificate_number(kind: str, division_code: str, year: int, sequence: int) -> str:
    """The 字号 of the ``sequence``-th certificate of ``kind`` issued under ``division_code`` in ``year``."""
    if kind not in KINDS:
        raise CertificateNumberError(f"unknown certificate kind {kind!r}")
    if not (len(division_code) == 6 and division_code.isascii() and division_code.isdigit()):
        raise CertificateNumberError("the division code on a certificate has 6 digits")
    if not 1 <= sequence <= SEQUENCE_MAX:
        raise CertificateNumberError(f"the yearly sequence runs from 1 to {SEQUENCE_MAX}")
    if not 1000 <= year <= 9999:
        raise CertificateNumberError("the year has 4 digits")
    return str(CertificateNumber(kind, division_code, year, sequence))


def parse_certificate_number(text: str) -> CertificateNumber | None:
    """The parts of a well-formed 字号, or ``None``."""
    match = _PATTERN.match((text or "").strip().upper())
    if not match:
        return None
    kind, code, year, sequence = match.groups()
    return CertificateNumber(kind, code, int(year), int(sequence))
