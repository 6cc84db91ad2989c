"""动态监测 demo data: a low-income library, department events, daily runs and warnings in every state."""

from .warnings import demo_loaded, load_demo_monitoring

__all__ = ["demo_loaded", "load_demo_monitoring"]
