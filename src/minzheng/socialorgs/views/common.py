"""What every 社会组织 page shares: the frame (sidebar entry, breadcrumb, tabs) and the kit's pages."""

from django.urls import reverse

from minzheng.core.identity import mask_id_number
from minzheng.core.permissions import Capability, has_capability
from minzheng.web.kit import pages
from minzheng.web.kit.pages import Action, Cell, Section, paginate, search  # noqa: F401  (re-exported)

NAV = "socialorgs"
ROOT = ("社会组织", "socialorgs:dashboard")

SUBNAV = [
    ("总览", "socialorgs:dashboard"),
    ("社会组织", "socialorgs:organisation_list"),
    ("登记申请", "socialorgs:application_list"),
    ("年检年报", "socialorgs:report_list"),
    ("撤销登记建议", "socialorgs:revocation_list"),
    ("等级评估", "socialorgs:rating_list"),
    ("信用名录", "socialorgs:listing_list"),
    ("执法", "socialorgs:case_list"),
    ("慈善", "socialorgs:charity_list"),
    ("志愿服务", "socialorgs:volunteer_list"),
    ("社会工作", "socialorgs:sw_station_list"),
]


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def can_manage(user) -> bool:
    return has_capability(user, Capability.MANAGE_SOCIALORGS)


def can_decide(user) -> bool:
    return has_capability(user, Capability.DECIDE_SOCIALORGS)


def masked(number: str) -> str:
    return mask_id_number(number) if number else ""


def frame(title: str, trail: list) -> dict:
    return pages.frame(NAV, title, trail, subnav=SUBNAV)


def table_page(request, *, title: str, trail: list, **declared):
    return pages.table_page(request, frame=frame(title, trail), **declared)


def detail_page(request, *, title: str, trail: list, **declared):
    return pages.detail_page(request, frame=frame(title, trail), **declared)


def form_page(request, *, title: str, trail: list, form, cancel_url: str, **declared):
    return pages.form_page(request, frame=frame(title, trail), form=form, cancel_url=cancel_url, **declared)


def money(value) -> str:
    return "" if value is None else f"¥{value:,.2f}"


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def due_cell(due, today, done: bool = False) -> Cell:
    if due is None:
        return Cell("")
    if done:
        return Cell(due)
    left = (due - today).days
    if left < 0:
        return Cell(f"{due}（已超期{-left}天）", tag="red")
    return Cell(f"{due}（剩{left}天）", tag="orange" if left <= 10 else "green")
