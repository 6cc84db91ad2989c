"""Errors of 家庭经济状况核对 (Chinese messages for the UI and the API)."""

from minzheng.core.errors import MinzhengError


class VerificationError(MinzhengError):
    code = "verification_error"


class NothingToVerify(VerificationError):
    code = "nothing_to_verify"


class ListRejected(VerificationError):
    """An uploaded 核对名单 with row errors: nothing was started; ``errors`` lists every (row, column, message)."""

    status_code = 422
    code = "household_list_rejected"
