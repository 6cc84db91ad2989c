"""Tables of 区划地名 (private to the app: others use ``interface.py``)."""

from .boundaries import (
    BoundaryDispute,
    BoundaryLine,
    BoundaryMarker,
    JointInspection,
    MarkerInspection,
    MarkerRepair,
)
from .choices import (
    ApplicationKind,
    ApplicationStatus,
    DisputeStatus,
    MarkerCondition,
    NameStatus,
    RepairKind,
)
from .names import BannedWord, NamingApplication, PlaceName, StandardAddress

__all__ = [
    "ApplicationKind",
    "ApplicationStatus",
    "BannedWord",
    "BoundaryDispute",
    "BoundaryLine",
    "BoundaryMarker",
    "DisputeStatus",
    "JointInspection",
    "MarkerCondition",
    "MarkerInspection",
    "MarkerRepair",
    "NameStatus",
    "NamingApplication",
    "PlaceName",
    "RepairKind",
    "StandardAddress",
]
