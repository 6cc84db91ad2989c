"""婚姻登记统计: a year month by month (and by age band) inside the jurisdiction, on the page and as .xlsx."""

from django.urls import reverse
from django.utils import timezone

from minzheng.core.permissions import Capability, require
from minzheng.core.query_params import parse_int, parse_year
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.core.views.common import xlsx_response

from ..selectors import statistics as sel
from ..selectors.registries import registry_options
from .common import Cell, Section, crumbs, detail_page


def _value(figures: sel.Figures, attribute: str):
    value = getattr(figures, attribute)
    if attribute == "cross_county_share":
        return "—" if value is None else f"{value}"
    return value


_MARRIAGE_COLUMNS = {
    "marriages", "first_marriage_persons", "remarriage_persons", "foreign", "cross_county", "cross_county_share"
}  # fmt: skip
_REISSUE_COLUMNS = {"reissued", "record_proofs"}


def _rows(data: sel.YearStatistics, columns=sel.COLUMNS) -> list[list]:
    return [
        [m.label, *(_value(m, attribute) for attribute, _ in columns)] for m in [*data.months, data.total]
    ]


def statistics_page(request):
    require(request.user, Capability.VIEW_REGISTRY)
    year = parse_year(request.GET.get("year")) or timezone.localdate().year
    registries = registry_options(request.user)
    registry_id = parse_int(request.GET.get("registry"), field="registry", label="登记机关", minimum=1)
    if registry_id and registry_id not in {pk for pk, _ in registries}:
        registry_id = None  # another county's registry is simply not a filter here
    data = sel.year_statistics(request.user, year, registry_id)
    headers = ["月份", *(label for _, label in sel.COLUMNS)]
    if request.GET.get("export") == "xlsx":
        name = next((n for pk, n in registries if pk == registry_id), "辖区全部登记机关")
        content = write_workbook(
            [
                Sheet(f"{year}年婚姻登记", headers, _rows(data), column_widths=[12] + [14] * len(sel.COLUMNS),
                      notes=[f"{year}年婚姻登记统计（{name}）", "补录的历史档案不计入当期业务量"]),
                Sheet("结婚当事人年龄", ["年龄段", "男（人）", "女（人）"], data.age_bands, column_widths=[14, 10, 10]),
            ]
        )  # fmt: skip
        return xlsx_response(content, f"{year}年婚姻登记统计")
    query = {"year": year, **({"registry": registry_id} if registry_id else {})}
    base = reverse("marriage:statistics")
    params = "&".join(f"{k}={v}" for k, v in query.items())
    toolbar = [
        (f"{year - 1}年", f"{base}?year={year - 1}"),
        (f"{year + 1}年", f"{base}?year={year + 1}"),
        ("导出Excel", f"{base}?{params}&export=xlsx"),
    ]
    if registry_id:
        toolbar.append(("辖区全部登记机关", f"{base}?year={year}"))
    # A city has a registry per county: one button each would run off the toolbar, so they are a table.
    by_registry = [
        [Cell(n, url=f"{base}?year={year}&registry={pk}")] for pk, n in registries if pk != registry_id
    ]
    total = data.total
    share = total.cross_county_share
    fields = [
        ("范围", next((n for pk, n in registries if pk == registry_id), "辖区全部登记机关")),
        (
            "结婚登记",
            f"{total.marriages} 对（初婚 {total.first_marriage_persons} 人、再婚 {total.remarriage_persons} 人）",
        ),
        (
            "离婚登记",
            f"{total.divorces} 对；受理 {total.divorce_applications} 件，撤回 {total.withdrawn} 件，视为撤回 {total.deemed_withdrawn} 件",
        ),
        (
            "跨县办理占比",
            "—" if share is None else f"{share}%（{total.cross_county} 对，双方户籍均不在登记机关所在县）",
        ),
        ("补领", f"补发证书 {total.reissued} 件，出具婚姻登记记录证明 {total.record_proofs} 件"),
    ]
    # Three tables of at most seven columns, so the month-by-month figures fit a 1280 px screen.
    marriage_columns = [c for c in sel.COLUMNS if c[0] in _MARRIAGE_COLUMNS]
    reissue_columns = [c for c in sel.COLUMNS if c[0] in _REISSUE_COLUMNS]
    divorce_columns = [c for c in sel.COLUMNS if c[0] not in _MARRIAGE_COLUMNS | _REISSUE_COLUMNS]
    sections = [
        Section(
            "结婚登记（按月）",
            ["月份", *(label for _, label in marriage_columns)],
            _rows(data, marriage_columns),
        ),
        Section(
            "离婚登记（按月）",
            ["月份", *(label for _, label in divorce_columns)],
            _rows(data, divorce_columns),
        ),
        Section(
            "补领（按月）",
            ["月份", *(label for _, label in reissue_columns)],
            _rows(data, reissue_columns),
        ),
        Section(
            "结婚当事人年龄（登记当日周岁）",
            ["年龄段", "男（人）", "女（人）"],
            [list(r) for r in data.age_bands],
        ),
        Section("按登记机关查看", ["登记机关"], by_registry, empty="辖区内没有其他登记机关"),
    ]
    return detail_page(
        request, title=f"{year}年婚姻登记统计", trail=crumbs(("统计", None)), testid="marriage-statistics",
        toolbar=toolbar, fields=fields, sections=sections,
    )  # fmt: skip
