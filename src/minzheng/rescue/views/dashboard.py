"""总览 of 救助管理 for the user's jurisdiction (counts only)."""

from django.urls import reverse

from minzheng.core.permissions import Capability, require

from ..selectors.figures import summary
from .common import Cell, crumbs, detail_page


def dashboard_page(request):
    require(request.user, Capability.VIEW_REGISTRY)
    figures = summary(request.user.division_code)
    fields = [
        ("在站受助人员", Cell(figures["in_station"], reverse("rescue:client_list") + "?status=in")),
        ("其中身份不明", Cell(figures["unidentified"], reverse("rescue:client_list") + "?status=in&unidentified_only=on")),
        ("累计受助人次", figures["total"]),
        ("接送返回、亲属领回", figures["returned"]),
        ("易走失人员登记", Cell(figures["registry"], reverse("rescue:registry_list"))),
    ]  # fmt: skip
    return detail_page(request, title="流浪乞讨人员救助", trail=crumbs(("总览", None)), fields=fields,
                       testid="rescue-dashboard")  # fmt: skip
