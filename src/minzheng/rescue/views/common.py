"""What every 救助管理 page shares: the frame (sidebar, breadcrumb, tabs) around the kit's pages."""

from django.urls import reverse

from minzheng.core.identity import mask_id_number, mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.web.kit import pages
from minzheng.web.kit.pages import Action, Cell, Section, paginate, search  # noqa: F401  (re-exported)

NAV = "rescue"
ROOT = ("流浪乞讨人员救助", "rescue:dashboard")

SUBNAV = [
    ("总览", "rescue:dashboard"),
    ("受助人员", "rescue:client_list"),
    ("寻人报告", "rescue:report_list"),
    ("易走失人员信息库", "rescue:registry_list"),
    ("救助管理站", "rescue:station_list"),
]


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def base_context(title: str, trail: list, **extra) -> dict:
    return pages.frame(NAV, title, trail, subnav=SUBNAV, **extra)


def can_handle(user) -> bool:
    return has_capability(user, Capability.MANAGE_RESCUE)


def can_set_policy(user) -> bool:
    return has_capability(user, Capability.MANAGE_POLICY)


def masked_id(id_number: str) -> str:
    return mask_id_number(id_number) if id_number else "—"


def shown_name(name: str, user) -> str:
    """Handlers read the name in full; everybody else a masked one."""
    if not name:
        return "身份不明"
    return name if can_handle(user) else mask_name(name)


def table_page(request, *, title: str, trail: list, **declared):
    return pages.table_page(request, frame=base_context(title, trail), **declared)


def detail_page(request, *, title: str, trail: list, **declared):
    return pages.detail_page(request, frame=base_context(title, trail), **declared)


def form_page(request, *, title: str, trail: list, form, cancel_url: str, **declared):
    return pages.form_page(
        request, frame=base_context(title, trail), form=form, cancel_url=cancel_url, **declared
    )


def post_action(request, form, call, success: str, back: str):
    from minzheng.web.kit.forms import act_then_redirect

    return act_then_redirect(request, form, call, success, back)


def stamp(at) -> str:
    from django.utils import timezone

    return timezone.localtime(at).strftime("%Y-%m-%d %H:%M") if at else "—"
