"""基层治理's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

- ``summary``: the 总览 figures for a user's jurisdiction (committees by kind, overdue 村务公开, open grid
  events) as a plain dict — counts only, no names.
"""

from .selectors.dashboard import summary

__all__ = ["summary"]
