"""规划监测 demo data: entered indicator values, task and project progress, a monthly 民政统计报表."""

from .plans import demo_loaded, load_demo_planning

__all__ = ["demo_loaded", "load_demo_planning"]
