"""12345/12349 工单: the state table, not-accepted reasons, 回访 results and 督办 triggers.

Sources (domain-rules-2 §10): 国办发〔2020〕53号 (受理、派单、办理、回复、督办、办结、回访、评价); 潍坊市12345政务服务
便民热线条例 (2021) Art 19 (不予受理 grounds), Art 22 (退回 for non-competence; the office assigns in disputes),
Art 25 (回访), Art 26 (督办: refusing, overdue, unresolved, poor handling); the 2025 意见 (duplicate merge).
"""

from enum import StrEnum

NOT_ACCEPTED_REASONS: dict[str, str] = {
    "litigation": "属于诉讼、仲裁、纪检监察、行政复议等法定途径解决的事项",
    "petition": "已进入信访程序的事项",
    "secret": "涉及国家秘密、商业秘密或者个人隐私的事项",
    "concluded": "已依法处理终结的事项",
    "disclosure": "依法应当通过政府信息公开途径解决的事项",
    "not_civil": "不属于民政部门职责且已告知相应渠道的事项",
}

RETURN_REASONS: dict[str, str] = {
    "not_competent": "不属于本单位职责",
    "wrong_place": "发生地不在本单位管辖范围",
    "incomplete": "诉求信息不全，无法办理",
}

CALLBACK_RESULTS: dict[str, str] = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}

CATEGORIES: dict[str, str] = {
    "assistance": "社会救助",
    "eldercare": "养老服务",
    "children": "未成年人保护",
    "marriage": "婚姻登记",
    "funeral": "殡葬服务",
    "socialorgs": "社会组织",
    "placenames": "区划地名",
    "other": "其他民政事项",
}


class T(StrEnum):
    RECEIVED = "received"
    ASSIGNED = "assigned"
    RETURNED = "returned"
    REPLIED = "replied"
    COMPLETED = "completed"
    VISITED = "visited"
    NOT_ACCEPTED = "not_accepted"
    MERGED = "merged"


OPEN = frozenset({T.RECEIVED, T.ASSIGNED, T.RETURNED, T.REPLIED})

MOVES: dict[str, tuple[frozenset[T], T | None]] = {
    "assign": (frozenset({T.RECEIVED, T.RETURNED}), T.ASSIGNED),
    "transfer": (frozenset({T.ASSIGNED}), T.ASSIGNED),
    "return": (frozenset({T.ASSIGNED}), T.RETURNED),
    "refuse_return": (frozenset({T.RETURNED}), T.ASSIGNED),
    "not_accept": (frozenset({T.RECEIVED}), T.NOT_ACCEPTED),
    "reply": (frozenset({T.ASSIGNED}), T.REPLIED),
    "complete": (frozenset({T.ASSIGNED, T.REPLIED}), T.COMPLETED),
    "callback": (frozenset({T.COMPLETED}), T.VISITED),
    "supervise": (OPEN, None),
    "merge": (frozenset({T.RECEIVED, T.ASSIGNED}), T.MERGED),
}


def ticket_next(status: str, move: str) -> str | None:
    """The status after ``move`` (the same status for 督办), or None when the table refuses it."""
    sources, target = MOVES[move]
    if status not in sources:
        return None
    return status if target is None else target.value


def needs_supervision(*, overdue: bool, callback_result: str, returned_twice: bool) -> bool:
    """潍坊条例 Art 26: 督办 when overdue, when the caller is not satisfied (unresolved), or on repeated 退回."""
    return overdue or callback_result == "unsatisfied" or returned_twice
