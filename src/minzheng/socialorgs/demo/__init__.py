"""社会组织 demo data: ~300 organisations in 丹东 with two years of reports, results and credit listings."""

from .organisations import DemoSummary, demo_loaded, load_demo

__all__ = ["DemoSummary", "demo_loaded", "load_demo"]
