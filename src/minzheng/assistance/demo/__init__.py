"""社会救助 demo data: households with 低保/特困 enrolments, cases at every workflow stage (``make demo``)."""

from .households import load_demo_assistance

__all__ = ["load_demo_assistance"]
