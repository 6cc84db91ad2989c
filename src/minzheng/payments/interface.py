"""资金发放's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

Nothing is published yet — no other app uses this domain; the unified 待办 will publish the rosters awaiting approval, and the fund ledger the payments a roster made, here. Add a function or a frozen dataclass
here when another app needs one; never let it import this domain's other modules.
"""

__all__: list[str] = []
