"""审核确认 workflow: which move a case may make from which state, who may make it, and maker-checker.

Source: 民政部《最低生活保障审核确认办法》(民发〔2021〕57号) — 申请 → 受理 (材料不齐的一次性告知) → 家庭经济
状况核对 → 入户调查 → 乡镇(街道) 审核 (民主评议 optional) → 公示 → 县级 审核确认 (or the township where
the power has been delegated) → 决定; and 《特困人员认定办法》(2021), which follows the same steps. The
states are plain strings equal to ``CaseStatus`` values, so this module stays free of Django.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from .errors import AssistanceRuleError


class Stage(StrEnum):
    APPLIED = "applied"
    MATERIALS_PENDING = "materials_pending"
    ACCEPTED = "accepted"
    VERIFYING = "verifying"
    INVESTIGATING = "investigating"
    TOWNSHIP_REVIEW = "township_review"
    PUBLICITY = "publicity"
    APPROVAL = "approval"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


FINAL_STAGES = frozenset({Stage.APPROVED, Stage.REJECTED, Stage.WITHDRAWN})


class Duty(StrEnum):
    """Whose desk a move belongs to: the caseworker (经办), the reviewer (审核) or the approver (审批)."""

    HANDLE = "handle"
    REVIEW = "review"
    APPROVE = "approve"


class Action(StrEnum):
    REQUEST_MATERIALS = "request_materials"
    ACCEPT = "accept"
    REFUSE = "refuse"
    START_VERIFICATION = "start_verification"
    RECORD_VERIFICATION = "record_verification"
    SUBMIT_INVESTIGATION = "submit_investigation"
    TOWNSHIP_APPROVE = "township_approve"
    TOWNSHIP_REJECT = "township_reject"
    TOWNSHIP_RETURN = "township_return"
    END_PUBLICITY = "end_publicity"
    REINVESTIGATE = "reinvestigate"
    TOWNSHIP_APPROVE_WITHOUT_PUBLICITY = "township_approve_after_objection"
    APPROVE = "approve"
    REJECT = "reject"
    RETURN_TO_TOWNSHIP = "return_to_township"
    WITHDRAW = "withdraw"


@dataclass(frozen=True)
class Move:
    action: Action
    source: Stage
    target: Stage
    duty: Duty
    label: str
    needs_reason: bool = False


_OPEN_BEFORE_DECISION = (
    Stage.APPLIED,
    Stage.MATERIALS_PENDING,
    Stage.ACCEPTED,
    Stage.VERIFYING,
    Stage.INVESTIGATING,
    Stage.TOWNSHIP_REVIEW,
    Stage.PUBLICITY,
    Stage.APPROVAL,
)

TRANSITIONS: tuple[Move, ...] = (
    Move(Action.REQUEST_MATERIALS, Stage.APPLIED, Stage.MATERIALS_PENDING, Duty.HANDLE, "一次性告知补齐材料", True),
    Move(Action.ACCEPT, Stage.APPLIED, Stage.ACCEPTED, Duty.HANDLE, "受理"),
    Move(Action.ACCEPT, Stage.MATERIALS_PENDING, Stage.ACCEPTED, Duty.HANDLE, "材料已补齐，受理"),
    Move(Action.REFUSE, Stage.APPLIED, Stage.REJECTED, Duty.HANDLE, "不予受理", True),
    Move(Action.REFUSE, Stage.MATERIALS_PENDING, Stage.REJECTED, Duty.HANDLE, "不予受理", True),
    Move(Action.START_VERIFICATION, Stage.ACCEPTED, Stage.VERIFYING, Duty.HANDLE, "发起家庭经济状况核对"),
    Move(Action.RECORD_VERIFICATION, Stage.VERIFYING, Stage.INVESTIGATING, Duty.HANDLE, "核对完成，转入户调查"),
    Move(Action.SUBMIT_INVESTIGATION, Stage.INVESTIGATING, Stage.TOWNSHIP_REVIEW, Duty.HANDLE, "调查完成，提交审核"),
    Move(Action.TOWNSHIP_APPROVE, Stage.TOWNSHIP_REVIEW, Stage.PUBLICITY, Duty.REVIEW, "审核同意，张榜公示"),
    Move(Action.TOWNSHIP_REJECT, Stage.TOWNSHIP_REVIEW, Stage.REJECTED, Duty.REVIEW, "审核不同意", True),
    Move(Action.TOWNSHIP_RETURN, Stage.TOWNSHIP_REVIEW, Stage.INVESTIGATING, Duty.REVIEW, "退回补充调查", True),
    Move(Action.END_PUBLICITY, Stage.PUBLICITY, Stage.APPROVAL, Duty.REVIEW, "公示期满，报送审批"),
    Move(Action.REINVESTIGATE, Stage.PUBLICITY, Stage.INVESTIGATING, Duty.REVIEW, "异议成立，重新调查核实", True),
    Move(Action.TOWNSHIP_APPROVE_WITHOUT_PUBLICITY, Stage.TOWNSHIP_REVIEW, Stage.APPROVAL, Duty.REVIEW, "重新审核同意，报送审批（异议已核实）"),
    Move(Action.APPROVE, Stage.APPROVAL, Stage.APPROVED, Duty.APPROVE, "批准"),
    Move(Action.REJECT, Stage.APPROVAL, Stage.REJECTED, Duty.APPROVE, "不予批准", True),
    Move(Action.RETURN_TO_TOWNSHIP, Stage.APPROVAL, Stage.TOWNSHIP_REVIEW, Duty.APPROVE, "退回乡镇重新审核", True),
    *(Move(Action.WITHDRAW, stage, Stage.WITHDRAWN, Duty.HANDLE, "申请人撤回", True) for stage in _OPEN_BEFORE_DECISION),
)  # fmt: skip

_BY_KEY = {(move.source, move.action): move for move in TRANSITIONS}


class IllegalMove(AssistanceRuleError):
    """A move the workflow does not allow from the case's state, or by this person."""


def moves_from(stage: str) -> list[Move]:
    """Every move allowed from ``stage`` (none from a final state: a decided case is never reopened)."""
    return [move for move in TRANSITIONS if move.source == stage]


def move_for(stage: str, action: str) -> Move:
    """The move ``action`` makes from ``stage``; ``IllegalMove`` if the workflow has none."""
    try:
        return _BY_KEY[(Stage(stage), Action(action))]
    except (KeyError, ValueError):
        raise IllegalMove(f"当前状态下不能执行该操作（{stage} → {action}）") from None


def duty_of(stage: str) -> Duty | None:
    """Whose desk a case in ``stage`` waits on (the first move's duty, withdrawal aside)."""
    duties = {move.duty for move in moves_from(stage) if move.action is not Action.WITHDRAW}
    for duty in (Duty.APPROVE, Duty.REVIEW, Duty.HANDLE):
        if duty in duties:
            return duty
    return None


def separation_violation(
    duty: Duty, *, actor_id: int, entered_by_id: int, reviewed_by_id: int | None
) -> str | None:
    """Maker-checker: why ``actor_id`` may not make a ``duty`` move on this case, or ``None``.

    The person who entered the case never reviews or approves it; the township reviewer does not also
    approve it (四眼原则: 民发〔2021〕57号 separates 审核 and 审核确认).
    """
    if duty is Duty.HANDLE:
        return None
    if actor_id == entered_by_id:
        return "录入本案件的人员不能审核或审批本案件"
    if duty is Duty.APPROVE and reviewed_by_id is not None and actor_id == reviewed_by_id:
        return "审核本案件的人员不能再审批本案件"
    return None


def decision_level_violation(deciding_level: str, actor_division_level: int) -> str | None:
    """审核确认权限: a county decision needs an approver of the county or above (levels 1–3); where the
    power is delegated to the township (``deciding_level`` = township), a township approver may decide."""
    highest_allowed = 4 if deciding_level == "township" else 3
    if actor_division_level == 0 or actor_division_level <= highest_allowed:
        return None
    return "您所在层级没有本案件的审核确认权限"


def new_publicity_after_upheld_objection(*, is_tekun: bool) -> bool:
    """After an upheld 公示 objection the township investigates again and gives a new 审核意见 (初审); a 特困
    case is then published again (《特困人员认定办法》第十五条: 重新公示), while for 低保 民发〔2021〕57号
    第十九条 asks for the new investigation and 审核意见 only, so the township may send it on to 审批."""
    return is_tekun


def missing_materials(required: Iterable[str], received: Iterable[str]) -> list[str]:
    """一次性告知: every required material not received, in the order the checklist lists them."""
    received_set = set(received)
    return [item for item in required if item not in received_set]
