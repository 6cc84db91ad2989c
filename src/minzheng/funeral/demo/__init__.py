"""演示数据 for 殡葬管理 (``manage.py demo_funeral``)."""

from .generator import DemoSummary, demo_loaded, load_demo

__all__ = ["DemoSummary", "demo_loaded", "load_demo"]
