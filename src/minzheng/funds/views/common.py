"""What every 资金项目监督 page shares: the frame (sidebar entry, breadcrumb, tabs) and formatting."""

from django.urls import reverse

from minzheng.core.permissions import Capability, has_capability
from minzheng.web.kit import pages

NAV = "funds"
ROOT = ("资金项目监督", "funds:dashboard")
SUBNAV = [
    ("资金台账", "funds:dashboard"),
    ("资金疑点", "funds:finding_list"),
    ("追回统计", "funds:statistics"),
    ("项目监管", "funds:project_list"),
    ("福彩网点", "funds:outlet_list"),
]


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def can_manage(user) -> bool:
    return has_capability(user, Capability.MANAGE_FUNDS)


def can_handle(user) -> bool:
    return has_capability(user, Capability.HANDLE_FUND_FINDINGS)


def frame(title: str, trail: list) -> dict:
    return pages.frame(NAV, title, trail, subnav=SUBNAV)


def money(value) -> str:
    return "" if value is None else f"¥{value:,.2f}"


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"
