"""养老服务's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

- ``work_queue``: a user's open 养老 work (hazards to rectify, visits due…) as (label, count, URL name,
  query string) rows, for a unified 待办;
- ``summary``: the headline figures of the 养老 dashboard for the user's jurisdiction (plain dict).
"""

from .selectors.dashboard import summary, work_queue

__all__ = ["summary", "work_queue"]
