"""Tables of 社会组织."""

from .charity import (
    CharityApplication,
    CharityStatus,
    Disclosure,
    FundraisingPlan,
    TrustFiling,
    TrustFilingKind,
)
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
    "CharityApplication",
    "CharityStatus",
    "CreditGround",
    "CreditListing",
    "Disclosure",
    "FundraisingPlan",
    "ListingStatus",
    "NameRecord",
    "OrgStatus",
    "Organisation",
    "Rating",
    "RatingStatus",
    "ReportStatus",
    "RevocationProposal",
    "RevocationStatus",
    "TrustFiling",
    "TrustFilingKind",
    "UsccSerial",
]
