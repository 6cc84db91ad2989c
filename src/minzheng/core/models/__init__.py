"""Tables of the platform's core: divisions, the population registry, accounts and the audit log."""

from .accounts import ApiToken, LoginThrottle, PasswordHistory, Role, User
from .audit import AuditChainHead, AuditEvent
from .divisions import Division, DivisionLevel
from .imports import ImportBatch
from .people import Household, HouseholdMembership, Person, RegistryChange

__all__ = [
    "ApiToken",
    "AuditChainHead",
    "AuditEvent",
    "Division",
    "DivisionLevel",
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
