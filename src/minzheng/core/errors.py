"""Typed errors of the core domain. Each carries a Chinese message for the user; the API maps them to one
RFC 7807-style JSON format and the UI shows them as messages next to the field or row."""


class MinzhengError(Exception):
    """Base of every expected business error in the platform (apps subclass it in their errors.py)."""

    status_code = 400
    code = "invalid"

    def __init__(self, message: str, *, field: str | None = None, errors: list | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.errors = errors or []


class InvalidIdNumber(MinzhengError, ValueError):
    code = "invalid_id_number"


class PermissionDenied(MinzhengError):
    status_code = 403
    code = "permission_denied"


class RegistryConflict(MinzhengError):
    status_code = 409
    code = "conflict"


class ImportRejected(MinzhengError):
    """The whole file was refused; ``errors`` lists (row, column, message) — nothing was written."""

    code = "import_rejected"


class AccountLocked(MinzhengError):
    status_code = 403
    code = "account_locked"


class TooManyRequests(MinzhengError):
    """A public (no-login) page was posted to too often from one address (answered 429)."""

    status_code = 429
    code = "too_many_requests"
