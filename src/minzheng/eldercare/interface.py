"""养老服务's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

- ``work_queue``: a user's open 养老 work (hazards to rectify, visits due…) as (label, count, URL name,
  query string) rows, for a unified 待办;
- ``summary``: the headline figures of the 养老 dashboard for the user's jurisdiction (plain dict);
- ``search_elders``: 全局检索 of residents, 特殊困难老年人 and assessed elders (``SearchHit`` lines, masked).
"""

from .selectors.dashboard import summary, work_queue
from .selectors.search import search_elders

__all__ = ["search_elders", "summary", "work_queue"]
