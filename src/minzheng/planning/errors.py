"""Typed errors of the planning domain (messages in Chinese, shown in the UI and the API's error body)."""

from minzheng.core.errors import MinzhengError


class PlanningError(MinzhengError):
    """Base of the planning domain's expected errors."""


class PlanFileRejected(PlanningError):
    """The uploaded file is not a plan document we can read (.txt or .docx)."""

    code = "plan_file_rejected"


class InvalidPlan(PlanningError):
    """The draft cannot be saved as it stands (no title, a division that is not 省/市/县级, a wrong parent)."""

    code = "invalid_plan"


class InvalidIndicator(PlanningError):
    """An indicator definition, binding, entered value or status rule that breaks a rule (field named)."""

    code = "invalid_indicator"


class MakerCheckerViolation(PlanningError):
    """The person who entered a value tried to approve it."""

    status_code = 403
    code = "maker_checker"


class InvalidStatReport(PlanningError):
    """A 民政报表 request or entry that cannot be accepted (unknown form, period, a row that is computed)."""

    code = "invalid_stat_report"
