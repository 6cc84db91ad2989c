"""Typed errors of 社会组织 (one base class; the API maps them to the RFC 7807 body, pages to messages)."""

from minzheng.core.errors import MinzhengError


class SocialOrgError(MinzhengError):
    """Base of every expected error of the 社会组织 domain."""


class InvalidSocialOrgInput(SocialOrgError):
    """A field the rules refuse (members too few, funds too low, a forbidden word in the name …); names it."""

    code = "invalid_socialorg_input"


class SocialOrgConflict(SocialOrgError):
    """The state does not allow the action (already decided, one's own application, not listed …)."""

    status_code = 409
    code = "socialorg_conflict"
