"""家庭经济状况核对's published interface: what other apps may use (functions and plain dataclasses).

- ``request_report``: a 核对报告 for one household (the door the 社会救助 workflow uses), returning a
  ``VerificationReport``; its ``progress(stage)`` callback is told each of ``REPORT_STAGES`` (a 后台任务
  shows them);
- ``register_policy_source`` / ``VerificationPolicy``: how the domain owning the 低保标准 supplies the figures
  a household is judged against (``policy_source``);
- ``VerificationError``: the base of what a request may refuse with.
"""

from .errors import VerificationError
from .policy_source import PolicySource, VerificationPolicy, register_policy_source
from .services.runs import REPORT_STAGES, VerificationReport, request_report

__all__ = [
    "REPORT_STAGES",
    "PolicySource",
    "VerificationError",
    "VerificationPolicy",
    "VerificationReport",
    "register_policy_source",
    "request_report",
]
