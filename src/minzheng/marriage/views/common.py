"""What every 婚姻登记 page shares: the frame (sidebar entry, breadcrumb, tabs) and the kit's pages."""

from django.urls import reverse

from minzheng.core.identity import mask_id_number
from minzheng.core.permissions import Capability, has_capability
from minzheng.web.kit import pages
from minzheng.web.kit.pages import Action, Cell, Section, paginate, search  # noqa: F401  (re-exported)

NAV = "marriage"
ROOT = ("婚姻登记", "marriage:dashboard")

SUBNAV = [
    ("总览", "marriage:dashboard"),
    ("结婚登记", "marriage:marriage_list"),
    ("离婚登记", "marriage:divorce_list"),
    ("预约", "marriage:appointment_list"),
    ("婚姻档案", "marriage:archive_search"),
    ("婚姻家庭辅导", "marriage:session_list"),
    ("统计", "marriage:statistics"),
    ("登记机关", "marriage:registry_list"),
]

STATUS_COLOURS = {
    "in_force": "green", "divorced": "grey", "widowed": "grey", "void": "red",
    "cooling_off": "orange", "withdrawn": "grey", "deemed_withdrawn": "grey", "registered": "green",
    "refused": "red", "terminated": "grey", "booked": "orange", "cancelled": "grey", "attended": "green",
}  # fmt: skip


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def base_context(title: str, trail: list, **extra) -> dict:
    return pages.frame(NAV, title, trail, subnav=SUBNAV, **extra)


def table_page(request, *, title: str, trail: list, **declared):
    return pages.table_page(request, frame=base_context(title, trail), **declared)


def detail_page(request, *, title: str, trail: list, **declared):
    return pages.detail_page(request, frame=base_context(title, trail), **declared)


def form_page(request, *, title: str, trail: list, form, cancel_url: str, **declared):
    return pages.form_page(
        request, frame=base_context(title, trail), form=form, cancel_url=cancel_url, **declared
    )


def can_register(user) -> bool:
    return has_capability(user, Capability.REGISTER_MARRIAGE)


def can_manage_registries(user) -> bool:
    return has_capability(user, Capability.MANAGE_MARRIAGE_REGISTRIES)


def status_cell(row) -> Cell:
    return Cell(row.get_status_display(), tag=STATUS_COLOURS.get(row.status, "grey"))


def couple_text(marriage) -> str:
    return "、".join(p.name for p in marriage.parties.all())


def masked_ids(marriage) -> str:
    return "、".join(mask_id_number(p.id_number) for p in marriage.parties.all())
