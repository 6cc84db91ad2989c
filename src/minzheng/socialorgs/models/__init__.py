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
from .enforcement import InspectionRound, OrgInspection, PenaltyCase, PenaltyStatus
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
from .socialwork import (
    SocialWorker,
    SocialWorkStation,
    StationCheck,
    StationService,
    StationServiceKind,
    WorkerLevel,
)
from .volunteering import (
    CorrectionStatus,
    RecordCorrection,
    RegisteredVia,
    ServiceRecord,
    Volunteer,
    VolunteerActivity,
    VolunteerCertificate,
    VolunteerStation,
)

__all__ = [
    "AnnualReport",
    "Application",
    "ApplicationKind",
    "ApplicationStatus",
    "CharityApplication",
    "CharityStatus",
    "CorrectionStatus",
    "CreditGround",
    "CreditListing",
    "Disclosure",
    "FundraisingPlan",
    "InspectionRound",
    "ListingStatus",
    "NameRecord",
    "OrgInspection",
    "OrgStatus",
    "Organisation",
    "PenaltyCase",
    "PenaltyStatus",
    "Rating",
    "RatingStatus",
    "RecordCorrection",
    "RegisteredVia",
    "ReportStatus",
    "RevocationProposal",
    "RevocationStatus",
    "ServiceRecord",
    "SocialWorkStation",
    "SocialWorker",
    "StationCheck",
    "StationService",
    "StationServiceKind",
    "TrustFiling",
    "TrustFilingKind",
    "UsccSerial",
    "Volunteer",
    "VolunteerActivity",
    "VolunteerCertificate",
    "VolunteerStation",
    "WorkerLevel",
]
