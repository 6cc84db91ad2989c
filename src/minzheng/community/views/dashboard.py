"""总览: committees, overdue 村务公开, open grid events, and the county dashboard of the 换届 round."""

from datetime import date
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.query_params import parse_year

from ..selectors import dashboard as sel
from .common import Cell, Section, crumbs, detail_page


def dashboard_page(request):
    today = date.today()
    year = parse_year(request.GET.get("year")) or today.year
    s = sel.summary(request.user, today)
    board = sel.round_board(request.user, year, today)
    t = board["totals"]
    fields = [
        ("村民委员会 / 居民委员会", Cell(f"{s['villages']} / {s['residents']}个", reverse("community:committee_list"))),
        (
            "超期未公开的村务公开事项",
            Cell(f"{s['overdue_disclosures']}项", reverse("community:disclosure_list") + "?state=overdue",
                 tag="red" if s["overdue_disclosures"] else ""),
        ),
        ("待处置网格事件", Cell(f"{s['open_events']}件", reverse("community:event_list") + "?status=open")),
        (
            f"{year}年换届",
            f"应换届{t['committees']}个，已启动{t['opened']}个，已公布选民名单{t['published']}个，"
            f"已选举{t['held']}个（有效{t['valid']}个），超期环节{t['overdue']}个",
        ),
    ]  # fmt: skip
    rows = [
        [
            Cell(
                r["name"],
                reverse("community:round_list") + "?" + urlencode({"division_code": r["code"], "year": year}),
            ),
            r["committees"],
            r["opened"],
            r["published"],
            r["held"],
            r["valid"],
            Cell(r["overdue"], tag="red") if r["overdue"] else 0,
        ]
        for r in board["rows"]
    ]
    sections = [
        Section(
            f"{year}年换届进度（按乡镇、街道）",
            ["乡镇（街道）", "村（居）委会", "已启动", "已公布选民名单", "已选举", "选举有效", "超期环节"],
            rows,
        )
    ]
    return detail_page(
        request, title="基层治理总览", trail=crumbs(("总览", None)), fields=fields, sections=sections
    )
