"""规划监测 and 民政报表's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

Nothing is published yet — no other app uses this domain; planning reads the domains (their indicator_sources modules, found by autodiscovery) and is read by nobody. Add a function or a frozen dataclass
here when another app needs one; never let it import this domain's other modules.
"""

__all__: list[str] = []
