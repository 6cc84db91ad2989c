"""社会组织's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

- ``registered_count``: organisations registered and not ended on a day under a division prefix (for
  planning's 社会组织 per 万人 and the 民政报表).
"""

from .selectors.indicators import registered_count

__all__ = ["registered_count"]
