"""养老服务 demo data: institutions, residents, assessments, visits, supervision and 适老化改造 (``make demo``)."""

from .providers import demo_loaded, load_demo

__all__ = ["demo_loaded", "load_demo"]
