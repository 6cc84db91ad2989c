"""The payroll fixtures (assistance programs and bank formats, an 审批人 of 元宝区) for the crash tests."""

from tests.payments.conftest import approver, programs  # noqa: F401
