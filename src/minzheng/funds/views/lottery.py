"""福利彩票 pages: the outlets with their year's sales and the 公益金 raised."""

from django.utils import timezone

from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit import pages
from minzheng.web.kit.forms import KitForm, choice_field, year_field
from minzheng.web.kit.pages import paginate, search

from ..models import OutletKind
from ..selectors import lottery as sel
from .common import crumbs, frame, money


class OutletFilter(KitForm):
    kind = choice_field("网点类型", [("", "全部"), *OutletKind.choices], required=False)
    year = year_field("年度", required=False)


def outlet_list(request):
    ff, d = search(request, OutletFilter)
    year = d.get("year") or timezone.localdate().year
    rows_qs = sel.outlet_list(request.user, kind=d.get("kind") or "")
    page = paginate(request, rows_qs)
    totals = sel.sales_by_outlet([o.pk for o in page], year)
    names = names_of({o.division_code for o in page})
    rows = [
        [
            o.code,
            o.name,
            o.get_kind_display(),
            names.get(o.division_code, o.division_code),
            o.opened_on,
            o.closed_on or "",
            money(totals[o.pk]["sales"]) if o.pk in totals else "¥0.00",
            money(totals[o.pk]["fund"]) if o.pk in totals else "¥0.00",
        ]
        for o in page
    ]
    return pages.table_page(
        request,
        frame=frame("福彩网点", crumbs(("福彩网点", None))),
        page_obj=page,
        filter_form=ff,
        headers=[
            "网点编号",
            "网点名称",
            "网点类型",
            "所在区划",
            "开设日期",
            "关闭日期",
            f"{year}年销售额",
            "公益金",
        ],
        rows=rows,
        intro="公益金按各玩法的公益金提取比例（政策参数，乐透数字型36%、基诺型30%、即开型20%）计算；《彩票管理条例》第三十三条：彩票公益金专项用于社会福利、体育等社会公益事业。",
    )
