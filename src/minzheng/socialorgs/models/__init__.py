"""Tables of 社会组织."""

from .credit import CreditGround, CreditListing, ListingStatus
from .organisations import (
    Application,
    ApplicationKind,
    ApplicationStatus,
    NameRecord,
    Organisation,
    OrgStatus,
    UsccSerial,
)
from .ratings import Rating, RatingStatus
from .reports import AnnualReport, ReportStatus, RevocationProposal, RevocationStatus

__all__ = [
    "AnnualReport",
    "Application",
    "ApplicationKind",
    "ApplicationStatus",
    "CreditGround",
    "CreditListing",
    "ListingStatus",
    "NameRecord",
    "OrgStatus",
    "Organisation",
    "Rating",
    "RatingStatus",
    "ReportStatus",
    "RevocationProposal",
    "RevocationStatus",
    "UsccSerial",
]
