"""What every 基层治理 page shares: the frame (sidebar entry, breadcrumb, tabs) and the kit's pages."""

from datetime import date

from django.urls import reverse

from minzheng.core.permissions import Capability, has_capability
from minzheng.web.kit import pages
from minzheng.web.kit.pages import Action, Cell, Section, paginate, search  # noqa: F401  (re-exported)

NAV = "community"
ROOT = ("基层治理", "community:dashboard")

SUBNAV = [
    ("总览", "community:dashboard"),
    ("村（居）委会", "community:committee_list"),
    ("换届选举", "community:round_list"),
    ("村务公开", "community:disclosure_list"),
    ("服务设施", "community:facility_list"),
    ("社区工作者", "community:worker_list"),
    ("网格事件", "community:event_list"),
]


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def can_manage(user) -> bool:
    return has_capability(user, Capability.MANAGE_COMMUNITY)


def frame(title: str, trail: list) -> dict:
    return pages.frame(NAV, title, trail, subnav=SUBNAV)


def table_page(request, *, title: str, trail: list, **declared):
    return pages.table_page(request, frame=frame(title, trail), **declared)


def detail_page(request, *, title: str, trail: list, **declared):
    return pages.detail_page(request, frame=frame(title, trail), **declared)


def form_page(request, *, title: str, trail: list, form, cancel_url: str, **declared):
    return pages.form_page(request, frame=frame(title, trail), form=form, cancel_url=cancel_url, **declared)


def due_cell(due: date | None, today: date, done: bool = False) -> Cell:
    if due is None:
        return Cell("")
    if done:
        return Cell(due)
    left = (due - today).days
    if left < 0:
        return Cell(f"{due}（已超期{-left}天）", tag="red")
    return Cell(f"{due}（剩{left}天）", tag="orange" if left <= 3 else "green")


def yes_no(flag) -> str:
    return "是" if flag else "否"


def link(text, name: str, pk) -> Cell:
    return Cell(text, reverse(name, args=[pk]))
