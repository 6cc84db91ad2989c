"""婚姻登记 demo data: two registries in 丹东 with a year of registrations and divorces in every state."""

from .registrations import demo_loaded, load_demo

__all__ = ["demo_loaded", "load_demo"]
