"""低收入人口动态监测预警's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

Nothing is published yet — no other app uses this domain; the unified 待办 and the 一人一档 (data centre) will publish the warnings a person has here. Add a function or a frozen dataclass
here when another app needs one; never let it import this domain's other modules.
"""

__all__: list[str] = []
