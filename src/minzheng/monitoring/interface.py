"""低收入人口动态监测预警's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

- 全局检索: ``search_warnings`` (预警 by number, or by the household or person the registry finds for the term;
  ``SearchHit`` lines, jurisdiction-scoped, ID numbers masked).

Add a function or a frozen dataclass here when another app needs one; never let it import this domain's
other modules beyond its selectors and services.
"""

from .selectors import search_warnings

__all__: list[str] = ["search_warnings"]
