"""儿童福利's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

- ``summary``: the 总览 figures for a user's jurisdiction (children by category, overdue contacts, applications
  at each step) as a plain dict — counts only, no names.
"""

from .selectors.dashboard import summary

__all__ = ["summary"]
