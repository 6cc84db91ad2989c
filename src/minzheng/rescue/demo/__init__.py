"""演示数据 for 救助管理 (``manage.py demo_rescue``)."""

from .generator import DemoSummary, demo_loaded, load_demo

__all__ = ["DemoSummary", "demo_loaded", "load_demo"]
