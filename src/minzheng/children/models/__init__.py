"""Tables of 儿童福利."""

from .allowances import AllowanceApplication, AllowanceKind, ApplicationStatus
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

__all__ = [
    "AllowanceApplication",
    "AllowanceKind",
    "ApplicationStatus",
    "CareContact",
    "CategoryFlag",
    "ChildCategory",
    "ChildRecord",
    "ContactMethod",
    "EntrustedCare",
    "ParentCondition",
    "ParentRole",
    "ParentStatus",
]
