"""What the policy pages share: their tabs, title and breadcrumb under 系统管理."""

from django.urls import reverse

from minzheng.core.errors import MinzhengError

TABS = (
    ("parameters", "政策参数", "policy:parameter_list"),
    ("holidays", "节假日", "policy:holiday_list"),
    ("offices", "文书机关", "policy:office_list"),
)


def page_context(tab: str, title: str, *extra_crumbs) -> dict:
    tab_label, tab_url = next((label, reverse(url)) for slug, label, url in TABS if slug == tab)
    return {
        "active_nav": "policy",
        "active_tab": tab,
        "tabs": [(slug, label, reverse(url)) for slug, label, url in TABS],
        "page_title": title,
        "breadcrumbs": [("系统管理", None), (tab_label, tab_url if extra_crumbs else None), *extra_crumbs],
    }


def add_service_error(form, exc: MinzhengError) -> None:
    """Show a service's refusal next to its field (or above the form)."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)
