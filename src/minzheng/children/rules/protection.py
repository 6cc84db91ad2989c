"""未成年人保护案件: 发现报告 → 应急处置 → 评估帮扶 → 监护干预 → 结案 (国发〔2016〕13号 §四, 国发〔2016〕36号 §三),
with 临时监护 on the 7 grounds of 未保法 Art 92 and 长期监护 on the 5 grounds of Art 94.

Art 11: a report is accepted at once and the reporter is informed of the result. Art 92 临时监护:
(一) 流浪乞讨或者身份不明，暂时查找不到父母或者其他监护人; (二) 监护人下落不明且无其他人可以担任监护人;
(三) 监护人因自身客观原因或者突发事件不能履行监护职责，导致监护缺失; (四) 监护人拒绝或者怠于履行监护职责，导致
无人照料; (五) 监护人教唆、利用未成年人实施违法犯罪行为，需要被带离安置; (六) 遭受监护人严重伤害或者面临人身安全
威胁，需要被紧急安置; (七) 法律规定的其他情形. Art 93: placement with relatives, 家庭寄养, 未成年人救助保护机构 or
儿童福利机构; return to the guardian after 民政's assessment. Art 94 长期监护: (一) 查找不到父母或者其他监护人;
(二) 监护人死亡或者被宣告死亡且无其他人可以担任监护人; (三) 监护人丧失监护能力且无其他人可以担任监护人;
(四) 人民法院判决撤销监护人资格并指定由民政部门担任监护人; (五) 法律规定的其他情形.
"""

RECEIVED = "received"
ASSESSED = "assessed"
HELPING = "helping"
INTERVENING = "intervening"
CLOSED = "closed"

STATUS_LABELS = {
    RECEIVED: "已接报（待调查评估）",
    ASSESSED: "已评估（待制定帮扶计划）",
    HELPING: "帮扶中",
    INTERVENING: "监护干预中",
    CLOSED: "已结案",
}

TEMPORARY_GROUNDS = {
    1: "流浪乞讨或者身份不明，暂时查找不到父母或者其他监护人",
    2: "监护人下落不明且无其他人可以担任监护人",
    3: "监护人因自身客观原因或者突发事件不能履行监护职责，导致监护缺失",
    4: "监护人拒绝或者怠于履行监护职责，导致未成年人处于无人照料的状态",
    5: "监护人教唆、利用未成年人实施违法犯罪行为，未成年人需要被带离安置",
    6: "未成年人遭受监护人严重伤害或者面临人身安全威胁，需要被紧急安置",
    7: "法律规定的其他情形",
}
LONG_TERM_GROUNDS = {
    1: "查找不到未成年人的父母或者其他监护人",
    2: "监护人死亡或者被宣告死亡且无其他人可以担任监护人",
    3: "监护人丧失监护能力且无其他人可以担任监护人",
    4: "人民法院判决撤销监护人资格并指定由民政部门担任监护人",
    5: "法律规定的其他情形",
}
COURT_GROUND = 4

# action → the statuses it may be taken in, and the status it leads to (None: unchanged)
MOVES: dict[str, tuple[frozenset[str], str | None]] = {
    "refer_police": (frozenset({RECEIVED, ASSESSED, HELPING, INTERVENING}), None),
    "place": (frozenset({RECEIVED, ASSESSED, HELPING, INTERVENING}), None),
    "assess": (frozenset({RECEIVED}), ASSESSED),
    "plan": (frozenset({ASSESSED}), HELPING),
    "intervene": (frozenset({HELPING, INTERVENING}), INTERVENING),
    "close": (frozenset({RECEIVED, ASSESSED, HELPING, INTERVENING}), CLOSED),
}
ACTION_LABELS = {
    "refer_police": "移送公安",
    "place": "临时/长期监护安置",
    "assess": "调查评估",
    "plan": "制定帮扶计划",
    "intervene": "监护干预",
    "close": "结案",
}


def move_error(action: str, status: str) -> str | None:
    """Why ``action`` cannot be taken in ``status`` (None when it can)."""
    allowed, _ = MOVES[action]
    if status in allowed:
        return None
    return f"案件当前为“{STATUS_LABELS.get(status, status)}”，不能{ACTION_LABELS[action]}"


def next_status(action: str, status: str) -> str:
    _, target = MOVES[action]
    return target or status


def placement_errors(kind: str, ground: int, court_revocation_recorded: bool) -> list[str]:
    """临时监护 grounds 1–7 (Art 92), 长期监护 grounds 1–5 (Art 94); ground (四) needs the court's revocation."""
    if kind == "temporary":
        return (
            []
            if ground in TEMPORARY_GROUNDS
            else ["临时监护须选择未成年人保护法第九十二条所列情形（一至七）"]
        )
    if ground not in LONG_TERM_GROUNDS:
        return ["长期监护须选择未成年人保护法第九十四条所列情形（一至五）"]
    if ground == COURT_GROUND and not court_revocation_recorded:
        return ["依第九十四条第（四）项长期监护，须先登记人民法院撤销监护人资格的判决（监护干预）"]
    return []


def closing_errors(
    *, status: str, assessed: bool, reporter_anonymous: bool, reporter_informed: bool, note: str
) -> list[str]:
    """结案: an unassessed case closes only as 不属实 with a note; the reporter is informed of the result (Art 11)."""
    errors = []
    if not note.strip():
        errors.append("请填写结案情况")
    if not reporter_anonymous and not reporter_informed:
        errors.append("结案前须将处理结果告知报告人（未成年人保护法第十一条）")
    if status == RECEIVED and not assessed and "不属实" not in note:
        errors.append("未经调查评估的案件只能以“报告不属实”结案，请在结案情况中写明")
    return errors
