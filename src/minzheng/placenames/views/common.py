"""What every 区划地名 page shares: the frame (sidebar entry, breadcrumb, tabs) and the kit's pages."""

from django.urls import reverse

from minzheng.core.permissions import Capability, has_capability
from minzheng.web.kit import pages
from minzheng.web.kit.pages import Action, Cell, Section, paginate, search  # noqa: F401  (re-exported)

NAV = "placenames"
ROOT = ("区划地名", "placenames:dashboard")

SUBNAV = [
    ("总览", "placenames:dashboard"),
    ("地名信息库", "placenames:name_list"),
    ("命名更名申请", "placenames:application_list"),
    ("备案公告", "placenames:announcement_queue"),
    ("行政区划变更", "placenames:change_list"),
    ("界线界桩", "placenames:line_list"),
    ("地图", "placenames:map"),
]


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def can_manage(user) -> bool:
    return has_capability(user, Capability.MANAGE_PLACENAMES)


def can_approve(user) -> bool:
    return has_capability(user, Capability.APPROVE_PLACENAMES)


def frame(title: str, trail: list) -> dict:
    return pages.frame(NAV, title, trail, subnav=SUBNAV)


def table_page(request, *, title: str, trail: list, **declared):
    return pages.table_page(request, frame=frame(title, trail), **declared)


def detail_page(request, *, title: str, trail: list, **declared):
    return pages.detail_page(request, frame=frame(title, trail), **declared)


def form_page(request, *, title: str, trail: list, form, cancel_url: str, **declared):
    return pages.form_page(request, frame=frame(title, trail), form=form, cancel_url=cancel_url, **declared)


def due_cell(due, today, done: bool = False) -> Cell:
    if due is None:
        return Cell("")
    if done:
        return Cell(due)
    left = (due - today).days
    if left < 0:
        return Cell(f"{due}（已超期{-left}天）", tag="red")
    return Cell(f"{due}（剩{left}天）", tag="orange" if left <= 5 else "green")
