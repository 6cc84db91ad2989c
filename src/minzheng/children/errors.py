"""Typed errors of 儿童福利 (one base class; the API maps them to the RFC 7807 body, pages to messages)."""

from minzheng.core.errors import MinzhengError


class ChildrenError(MinzhengError):
    """Base of every expected error of the 儿童福利 domain."""


class InvalidChildInput(ChildrenError):
    """A field the rules refuse (age over the limit, excluded categories, date order …); names the field."""

    code = "invalid_child_input"


class ChildrenConflict(ChildrenError):
    """The state does not allow the action (already on the register, application already decided …)."""

    status_code = 409
    code = "children_conflict"
