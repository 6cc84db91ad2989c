"""救助管理's published interface: the only module other apps import (tests/architecture/test_boundaries.py).

- ``summary``: the 总览 counts of a division (in station, unidentified, returned, 易走失 registrations) — counts
  only, no names.
"""

from .selectors.figures import summary

__all__ = ["summary"]
