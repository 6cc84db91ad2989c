"""Typed errors of 基层治理 (one base class; the API maps them to the RFC 7807 body, pages to messages)."""

from minzheng.core.errors import MinzhengError


class CommunityError(MinzhengError):
    """Base of every expected error of the 基层治理 domain."""


class InvalidCommunityInput(CommunityError):
    """A field the rules refuse (too many members, a close relative on the 监督委员会, a late list …); names it."""

    code = "invalid_community_input"


class CommunityConflict(CommunityError):
    """The state does not allow the action (list already published, results already recorded …)."""

    status_code = 409
    code = "community_conflict"
