"""项目 pages: the projects with their progress and the late / under-executing flags."""

from django.utils import timezone

from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit import pages
from minzheng.web.kit.pages import Cell, paginate

from ..selectors import projects as sel
from .common import crumbs, frame, money


def project_list(request):
    page = paginate(request, sel.project_list(request.user))
    today = timezone.localdate()
    names = names_of({p.division_code for p in page})
    rows = []
    for p in page:
        flags = sel.flags_of(p, today)
        tags = [Cell("滞后", tag="red")] if flags.late else []
        tags += [Cell("执行偏慢", tag="orange")] if flags.under_executing else []
        rows.append(
            [
                p.name,
                p.get_source_display(),
                p.get_category_display(),
                names.get(p.division_code, p.division_code),
                money(p.budget),
                f"{p.ends_on:%Y-%m-%d}",
                f"{p.percent or 0}%",
                money(p.spent or 0),
                tags[0] if tags else Cell("正常", tag="green"),
            ]
        )
    return pages.table_page(
        request,
        frame=frame("项目监管", crumbs(("项目监管", None))),
        page_obj=page,
        headers=["项目", "来源", "类别", "实施区划", "预算", "完成期限", "形象进度", "累计支出", "状态"],
        rows=rows,
        intro="规划重大项目和彩票公益金项目：超过完成期限未完工的标为滞后，累计支出占预算比例落后于时间进度20个百分点以上的标为执行偏慢。",
    )
