"""Demo registry: divisions' people and households, and the demo users of every role (``make demo``)."""

from .registry import demo_loaded, demo_users, load_demo

__all__ = ["demo_loaded", "demo_users", "load_demo"]
