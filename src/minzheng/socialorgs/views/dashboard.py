"""总览: the jurisdiction's organisations by kind, open work with its clocks."""

from datetime import date

from django.urls import reverse

from ..selectors import dashboard as sel
from .common import Cell, Section, crumbs, detail_page


def dashboard_page(request):
    s = sel.summary(request.user, date.today())
    fields = [
        (
            "登记在册社会组织",
            Cell(f"{s['registered']}家", reverse("socialorgs:organisation_list") + "?status=registered"),
        ),
        ("其中社会团体 / 社会服务机构 / 基金会", f"{s['association']} / {s['service']} / {s['foundation']}"),
        (
            "待决定登记申请",
            Cell(
                f"{s['open_applications']}件（超期{s['overdue_applications']}件）",
                reverse("socialorgs:application_list") + "?status=received",
            ),
        ),
        (f"{s['report_year']}年度报告已报送", f"{s['reports']}份（待审查{s['reports_open']}份）"),
        ("待决定撤销登记建议", Cell(f"{s['open_revocations']}件", reverse("socialorgs:revocation_list"))),
        (
            "活动异常名录在列",
            Cell(
                f"{s['abnormal']}家", reverse("socialorgs:listing_list") + "?list_kind=abnormal&status=listed"
            ),
        ),
        (
            "严重违法失信名单在列",
            Cell(
                f"{s['serious']}家", reverse("socialorgs:listing_list") + "?list_kind=serious&status=listed"
            ),
        ),
        ("待列入决定", Cell(f"{s['proposed']}件", reverse("socialorgs:listing_list") + "?status=proposed")),
    ]
    sections = [
        Section(
            "按登记管理机关", ["登记管理机关", "社会团体", "社会服务机构", "基金会", "合计"], s["by_registry"]
        ),
    ]
    return detail_page(
        request, title="社会组织总览", trail=crumbs(("总览", None)), fields=fields, sections=sections
    )
