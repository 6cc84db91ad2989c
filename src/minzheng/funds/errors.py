"""Typed errors of 资金项目监督 (one base class; the API maps them to the RFC 7807 body, pages to messages)."""

from minzheng.core.errors import MinzhengError


class FundsError(MinzhengError):
    """Base of every expected error of the 资金项目监督 domain."""


class InvalidFundInput(FundsError):
    """A field the rules refuse (an amount over the budget or the allocation, a month outside the year …)."""

    code = "invalid_fund_input"


class FundsConflict(FundsError):
    """The state does not allow the action (a finding already decided …)."""

    status_code = 409
    code = "funds_conflict"
