"""Tables of the platform's core: divisions, the population registry, accounts and the audit log."""

from .accounts import ApiToken, LoginThrottle, PasswordHistory, Role, User
from .audit import AuditChainHead, AuditEvent
from .division_changes import DivisionChange, DivisionChangeKind, DivisionSuccession
from .divisions import Division, DivisionLevel
from .imports import ImportBatch
from .people import Household, HouseholdMembership, Person, RegistryChange

__all__ = [
    "ApiToken",
    "AuditChainHead",
    "AuditEvent",
    "Division",
    "DivisionChange",
    "DivisionChangeKind",
    "DivisionLevel",
    "DivisionSuccession",
    "Household",
    "HouseholdMembership",
    "ImportBatch",
    "LoginThrottle",
    "PasswordHistory",
    "Person",
    "RegistryChange",
    "Role",
    "User",
]
