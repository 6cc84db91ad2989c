"""Tables of 儿童福利."""

from .allowances import AllowanceApplication, AllowanceKind, ApplicationStatus
from .protection import (
    PLAN_ITEMS,
    GuardianshipEpisode,
    GuardianshipKind,
    Intervention,
    InterventionKind,
    PlacementType,
    ProtectionCase,
    ReportChannel,
    ReporterKind,
    RiskLevel,
    Situation,
)
from .register import (
    CareContact,
    CategoryFlag,
    ChildCategory,
    ChildRecord,
    ChildVisit,
    ContactMethod,
    EntrustedCare,
    ParentCondition,
    ParentRole,
    ParentStatus,
    VisitMethod,
)
from .workforce import ChildWorker, ProtectionStation, Training, WorkerRole

__all__ = [
    "PLAN_ITEMS",
    "AllowanceApplication",
    "AllowanceKind",
    "ApplicationStatus",
    "CareContact",
    "CategoryFlag",
    "ChildCategory",
    "ChildRecord",
    "ChildVisit",
    "ChildWorker",
    "ContactMethod",
    "EntrustedCare",
    "GuardianshipEpisode",
    "GuardianshipKind",
    "Intervention",
    "InterventionKind",
    "ParentCondition",
    "ParentRole",
    "ParentStatus",
    "PlacementType",
    "ProtectionCase",
    "ProtectionStation",
    "ReportChannel",
    "ReporterKind",
    "RiskLevel",
    "Situation",
    "Training",
    "VisitMethod",
    "WorkerRole",
]
from .adoption import Adoption, AdoptionCaseType, AdoptionStatus  # noqa: E402
