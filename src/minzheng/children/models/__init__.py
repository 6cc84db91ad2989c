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
    ContactMethod,
    EntrustedCare,
    ParentCondition,
    ParentRole,
    ParentStatus,
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
    "WorkerRole",
]
