"""What every 全市通办 staff page shares: the frame (sidebar entry, breadcrumb, tabs) and the kit's pages."""

from django.urls import reverse

from minzheng.core.permissions import Capability, has_capability
from minzheng.web.kit import pages
from minzheng.web.kit.pages import Action, Cell, Section, paginate, search  # noqa: F401  (re-exported)

NAV = "onestop"
ROOT = ("全市通办", "onestop:dashboard")
SUBNAV = [
    ("总览", "onestop:dashboard"),
    ("综合窗口", "onestop:application_list"),
    ("12345工单", "onestop:ticket_list"),
    ("差评跟进", "onestop:review_list"),
    ("事项清单", "onestop:matter_list"),
]
_TAG = {
    "submitted": "orange", "materials_pending": "orange", "forwarded": "orange", "handling": "green",
    "completed": "green", "refused": "grey", "rejected": "red", "withdrawn": "grey",
    "received": "orange", "assigned": "green", "returned": "red", "replied": "green", "visited": "grey",
    "not_accepted": "grey", "merged": "grey",
}  # fmt: skip


def status_cell(obj) -> Cell:
    return Cell(obj.get_status_display(), tag=_TAG.get(obj.status, "grey"))


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def can_handle(user) -> bool:
    return has_capability(user, Capability.HANDLE_ONESTOP)


def can_supervise(user) -> bool:
    return has_capability(user, Capability.SUPERVISE_ONESTOP)


def frame(title: str, trail: list) -> dict:
    return pages.frame(NAV, title, trail, subnav=SUBNAV)


def table_page(request, *, title: str, trail: list, **declared):
    return pages.table_page(request, frame=frame(title, trail), **declared)


def detail_page(request, *, title: str, trail: list, **declared):
    return pages.detail_page(request, frame=frame(title, trail), **declared)


def form_page(request, *, title: str, trail: list, form, cancel_url: str, **declared):
    return pages.form_page(request, frame=frame(title, trail), form=form, cancel_url=cancel_url, **declared)


def due_cell(due, today, done_on=None) -> Cell:
    if due is None:
        return Cell("")
    if done_on:
        return Cell(f"{due}", tag="red" if done_on > due else "")
    left = (due - today).days
    if left < 0:
        return Cell(f"{due}（已超期{-left}天）", tag="red")
    return Cell(f"{due}（剩{left}天）", tag="orange" if left <= 2 else "green")


def percent(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"
