"""Plain answers of 社会救助's interface (frozen dataclasses, never models)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ProgramInfo:
    """A 救助项目 as other domains see it."""

    code: str
    name: str
    enabled: bool
    pays_money: bool  # False for 低保边缘、支出型困难: a status that opens 专项救助, no monthly money


@dataclass(frozen=True)
class OpenedCase:
    """A 救助申请 just opened through the interface."""

    id: int
    number: str


@dataclass(frozen=True)
class CaseProgress:
    """Where a case opened for another app stands (全市通办's 办理进度): no personal data, only the steps."""

    number: str
    status: str
    status_label: str
    closed: bool
    approved: bool
    decided_on: object  # date | None
    steps: tuple[tuple[object, str], ...]  # (datetime, label) of each 办理记录, oldest first
