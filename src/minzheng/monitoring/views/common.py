"""What every monitoring page shares: the breadcrumb root, tabs, turning domain errors into messages."""

from minzheng.core.permissions import Capability, has_capability

CRUMB = ("低收入人口动态监测", None)

TABS = (
    ("monitoring:dashboard", "监测总览"),
    ("monitoring:warning_list", "预警处置"),
    ("monitoring:library", "低收入人口信息库"),
    ("monitoring:rule_list", "预警规则"),
    ("monitoring:run_list", "监测批次"),
)


def page(request, title: str, tab: str, **extra) -> dict:
    return {
        "active_nav": "monitoring",
        "page_title": title,
        "tabs": TABS,
        "tab": tab,
        "breadcrumbs": [CRUMB, (title, None)],
        "can_handle": has_capability(request.user, Capability.HANDLE_WARNINGS),
        "can_manage": has_capability(request.user, Capability.MANAGE_MONITORING),
        **extra,
    }
