"""What the 社会救助 pages share: the sub-navigation tabs and turning service errors into form errors."""

from django.urls import reverse

from minzheng.core.errors import MinzhengError

TABS = (
    ("dashboard", "统计分析", "assistance:dashboard"),
    ("queue", "待办", "assistance:queue"),
    ("cases", "救助申请", "assistance:case_list"),
    ("enrolments", "救助对象", "assistance:enrolment_list"),
    ("publicity", "公示", "assistance:publicity"),
    ("spot_checks", "认定抽查", "assistance:spot_checks"),
    ("rule_changes", "规则修订复核", "assistance:rule_changes"),
    ("raise", "提标", "assistance:standard_raise"),
    ("settings", "项目设置", "assistance:setting_list"),
    ("standards", "保障标准", "assistance:standard_list"),
    ("parameters", "政策参数", "policy:parameter_list"),  # the platform's policy store
    ("programs", "救助项目", "assistance:program_list"),
    ("holidays", "节假日", "policy:holiday_list"),
)


def page_context(tab: str, title: str, *extra_crumbs) -> dict:
    """Sidebar entry, tabs, title and breadcrumb of a 社会救助 page."""
    tab_label, tab_url = next((label, reverse(url)) for slug, label, url in TABS if slug == tab)
    crumbs = [
        ("社会救助", reverse("assistance:dashboard")),
        (tab_label, tab_url if extra_crumbs else None),
    ]
    return {
        "active_nav": "assistance",
        "active_tab": tab,
        "tabs": [(slug, label, reverse(url)) for slug, label, url in TABS],
        "page_title": title,
        "breadcrumbs": [*crumbs, *extra_crumbs],
    }


def add_service_error(form, exc: MinzhengError) -> None:
    """Show a service's refusal next to its field (or above the form)."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)
