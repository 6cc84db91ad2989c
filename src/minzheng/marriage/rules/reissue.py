"""补领 (re-issue) of a 结婚证 or 离婚证: only while the marital status the certificate shows still holds.

婚姻登记工作规范 (民发〔2015〕230号) practice, domain-rules-2 §2.1: no re-issue if the status has since changed
(divorce, a spouse's death, remarriage) — the registry issues a 婚姻登记记录证明 instead.
"""

from enum import StrEnum


class Change(StrEnum):
    NONE = ""
    ENDED = "该婚姻已终止"
    REMARRIED = "申请人离婚后已再婚"
    NOT_DIVORCED = "该婚姻未办理离婚登记"


def status_change_since(
    kind: str, *, marriage_in_force: bool, divorce_registered: bool, remarried_since: bool
) -> Change:
    """What changed since the certificate was issued (``Change.NONE``: the certificate may be re-issued).

    ``kind``: ``BJ`` (结婚证 — the marriage must still be in force) or ``BL`` (离婚证 — the divorce registered and
    the applicant not married again since)."""
    if kind == "BJ":
        return Change.NONE if marriage_in_force else Change.ENDED
    if kind == "BL":
        if not divorce_registered:
            return Change.NOT_DIVORCED
        return Change.REMARRIED if remarried_since else Change.NONE
    raise ValueError(f"unknown re-issue kind {kind!r}")
