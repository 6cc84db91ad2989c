"""政策台账: the 保障标准 in force for a division on a day (with the parameters, through the policy store's
``ParameterBook``), from loaded versions.

Pure Python over plain copies of rows (no ORM), so one page can load the versions of all its divisions in
two queries and resolve every line in memory. Resolution: the most specific division wins, then the latest
version effective on or before the day (``policy.rules.dated_records``). Derived standards use the pure rules.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from minzheng.policy.book import ParameterBook, ParameterVersion, not_ended
from minzheng.policy.rules import record_in_force

from .models.choices import Area, StandardKind, StandardPeriod
from .rules import AssistanceRuleError, dibao_edge_income_line, round_yuan, tekun_basic_living_standard


@dataclass(frozen=True)
class StandardVersion:
    """One 保障标准 version as read from the table."""

    id: int
    kind: str
    area: str
    division_code: str
    effective_from: date
    valid_to: date | None
    amount: Decimal
    period: str
    is_override: bool = False
    is_reference_average: bool = False
    source_note: str = ""

    @property
    def monthly_amount(self) -> Decimal:
        """Per person per month, to 分 (a yearly figure divided by 12)."""
        if self.period == StandardPeriod.PER_YEAR:
            return round_yuan(self.amount / 12)
        return round_yuan(self.amount)


@dataclass(frozen=True)
class DerivedStandards:
    """低保标准 in force for one area and the standards derived from it (per person per month)."""

    area: str
    dibao: StandardVersion
    dibao_edge_line: Decimal | None
    dibao_edge_basis: str
    tekun_basic: Decimal | None
    tekun_basis: str

    @property
    def area_label(self) -> str:
        return Area(self.area).label


class PolicyBook:
    """Versions of standards and parameters for a set of divisions, answering "what is in force"."""

    def __init__(
        self, standards: Iterable[StandardVersion], parameters: ParameterBook | Iterable[ParameterVersion]
    ):
        self._standards: dict[str, list[StandardVersion]] = defaultdict(list)
        for version in standards:
            if not version.is_reference_average:
                self._standards[version.kind].append(version)
        self._parameters = parameters if isinstance(parameters, ParameterBook) else ParameterBook(parameters)

    def standard(self, kind: str, area: str, division_code: str, on: date) -> StandardVersion | None:
        """The version of ``kind`` in force; a 不分城乡 figure serves both areas unless an area has its own."""
        current = [v for v in self._standards[kind] if not_ended(v, on)]
        found = record_in_force([v for v in current if v.area == area], division_code, on)
        if found is None and area != Area.ALL:
            found = record_in_force([v for v in current if v.area == Area.ALL], division_code, on)
        return found

    def parameter(self, name: str, division_code: str, on: date) -> ParameterVersion | None:
        return self._parameters.parameter(name, division_code, on)

    def value(self, name: str, division_code: str, on: date) -> Decimal | None:
        return self._parameters.value(name, division_code, on)

    def derived(self, division_code: str, area: str, on: date) -> DerivedStandards | None:
        """低保边缘 line and 特困基本生活标准 beside the 低保标准 in force (None when there is no 低保标准)."""
        dibao = self.standard(StandardKind.DIBAO, area, division_code, on)
        if dibao is None:
            return None
        edge, edge_basis = self._edge_line(dibao, division_code, area, on)
        tekun, tekun_basis = self._tekun_basic(dibao, division_code, area, on)
        return DerivedStandards(area, dibao, edge, edge_basis, tekun, tekun_basis)

    def _edge_line(self, dibao: StandardVersion, division_code: str, area: str, on: date):
        own = self.standard(StandardKind.DIBAO_EDGE, area, division_code, on)
        if own is not None and own.is_override:
            return own.monthly_amount, "地方自定"
        multiplier = self.value("dibao_edge_multiplier", division_code, on)
        if multiplier is None:
            return (own.monthly_amount, "地方公布") if own is not None else (None, "未设置倍数")
        try:
            line = dibao_edge_income_line(dibao.monthly_amount, multiplier)
        except AssistanceRuleError as exc:
            return None, str(exc)
        if own is not None and own.monthly_amount > line:
            return own.monthly_amount, "地方公布（高于推算值）"
        return line, f"{multiplier.normalize()} × 低保标准"

    def _tekun_basic(self, dibao: StandardVersion, division_code: str, area: str, on: date):
        own = self.standard(StandardKind.TEKUN_BASIC, area, division_code, on)
        if own is not None and own.is_override:
            return own.monthly_amount, "地方自定"
        minimum = self.value("tekun_multiplier_min", division_code, on)
        multiplier = self.value("tekun_basic_multiplier", division_code, on) or minimum
        if multiplier is None or minimum is None:
            return (own.monthly_amount, "地方公布") if own is not None else (None, "未设置倍数")
        try:
            amount = tekun_basic_living_standard(
                dibao.monthly_amount,
                multiplier=multiplier,
                minimum_multiplier=minimum,
                published_amount=own.monthly_amount if own is not None else None,
            )
        except AssistanceRuleError as exc:
            return None, str(exc)
        if (
            own is not None
            and amount == own.monthly_amount
            and amount > round_yuan(dibao.monthly_amount * multiplier)
        ):
            return amount, "地方公布（高于推算值）"
        return amount, f"{multiplier.normalize()} × 低保标准"
