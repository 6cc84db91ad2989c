"""What every 数据中心 page shares: the frame (sidebar entry, breadcrumb, tabs)."""

from django.urls import reverse

from minzheng.web.kit import pages

NAV = "datacenter"

SUBNAV = [
    ("一人一档", "datacenter:dashboard"),
    ("数据质量", "datacenter:quality"),
    ("驾驶舱大屏", "datacenter:screen"),
]


def crumbs(*tail) -> list:
    return [("统计与决策", None), ("数据中心", reverse("datacenter:dashboard")), *tail]


def base_context(title: str, trail: list, **extra) -> dict:
    return pages.frame(NAV, title, trail, subnav=SUBNAV, **extra)
