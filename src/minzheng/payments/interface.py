"""资金发放's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

Reads for other domains:
- ``paid_lines`` (``PaidLine``): the lines of locked (已审核/已回盘) rosters of an area and period, as values —
  what the fund ledger (资金项目监督) traces its disbursements to and its anomaly checks read.

Add a function or a frozen dataclass here when another app needs one; never let it import this domain's
other modules beyond its selectors.
"""

from .selectors import PaidLine, paid_lines

__all__ = ["PaidLine", "paid_lines"]
