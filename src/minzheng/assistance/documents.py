"""Case documents as PDFs: 一次性告知书, 决定书 and 不予批准通知书, each headed and sealed by the one office
that issues it (文书机关, ``policy.interface.issuing_office``)."""

from datetime import date

from minzheng.core.pdf import ChineseDocument
from minzheng.policy.interface import issuing_office, township_code

from .models import AssistanceCase
from .services.decision_numbers import deciding_office_code


def _deciding_body(case: AssistanceCase, office: str) -> str:
    return office + ("（受县级民政部门委托审核确认）" if case.deciding_level == "township" else "")


def _head(case: AssistanceCase) -> str:
    head = case.household.head
    return head.name if head else ""


def materials_notice_pdf(case: AssistanceCase) -> bytes:
    """补齐材料一次性告知书: every missing material in one list, as 民发〔2021〕57号 requires. The township
    receives applications and asks for what is missing (57号 Art 12), so it heads and seals the notice."""
    office = issuing_office(township_code(case.division_code))
    doc = ChineseDocument(bureau=office.name, title="申请材料补正一次性告知书")
    doc.fields(
        [
            ("案件编号", case.number),
            ("申请人（户主）", _head(case)),
            ("救助项目", case.program.name),
            ("申请日期", f"{case.applied_on:%Y-%m-%d}"),
        ]
    )
    doc.paragraph(
        f"{_head(case)}：您于 {case.applied_on:%Y年%m月%d日} 提出的{case.program.name}申请，经审查，申请材料不齐全。现一次性告知您需补齐以下材料："
    )
    doc.table(
        ["序号", "需补齐的材料"],
        [[str(i), item] for i, item in enumerate(case.missing_materials, start=1)],
        widths=[20, 160],
    )
    doc.paragraph(
        "请补齐上述材料后到受理窗口提交，补齐后即予受理。如有疑问，请向乡镇（街道）社会救助经办窗口咨询。"
        f"监督电话：{office.supervision_phone}。"
    )
    doc.ln(6)
    doc.paragraph(f"{office.name}（盖章）    {date.today():%Y年%m月%d日}")
    return bytes(doc.output())


def decision_pdf(case: AssistanceCase, number: str = "") -> bytes:
    """最低生活保障（等）决定书 when approved, 不予批准通知书 with the reasons otherwise; ``number`` is its 文号."""
    approved = case.status == "approved"
    title = f"{case.program.name}{'审核确认决定书' if approved else '不予批准通知书'}"
    office = issuing_office(deciding_office_code(case)).name  # heads, names and seals the decision: read once
    doc = ChineseDocument(bureau=office, title=title, number=number)
    doc.fields(
        [
            ("案件编号", case.number),
            ("户主", _head(case)),
            ("户编号", case.household.number),
            ("申请日期", f"{case.applied_on:%Y-%m-%d}"),
            ("决定日期", f"{case.decided_on:%Y-%m-%d}" if case.decided_on else "—"),
            ("审核确认机关", _deciding_body(case, office)),
        ]
    )
    if approved:
        snapshot = case.benefit_snapshot or {}
        doc.paragraph(
            f"{_head(case)}：经家庭经济状况核对、入户调查、乡镇（街道）审核和公示，你户符合{case.program.name}条件，"
            f"决定予以批准。保障人数 {case.persons} 人，"
            f"{'一次性发放' if snapshot.get('one_off') else '每月发放'} ¥{case.decided_amount:,.2f}，"
            f"自 {_start_month(case)} 起发放。"
        )
        doc.section("计算依据")
        doc.table(
            ["项目", "数值", "说明"],
            [[i["label"], i["value"], i["note"]] for i in snapshot.get("inputs", [])],
            widths=[55, 45, 80],
        )
        doc.table(
            ["计算步骤", "结果", "说明"],
            [[s["label"], s["value"], s["note"]] for s in snapshot.get("steps", [])],
            widths=[55, 45, 80],
        )
        doc.paragraph(
            "享受期间家庭人口、收入、财产状况发生变化的，应当及时告知乡镇（街道）。民政部门将定期复核。"
        )
    else:
        reason = case.decision_reason or (
            case.events.filter(to_status="rejected").values_list("reason", flat=True).last() or ""
        )
        doc.paragraph(f"{_head(case)}：你户提出的{case.program.name}申请，经审核，不符合条件，决定不予批准。")
        doc.section("理由")
        doc.paragraph(reason or "—")
    doc.paragraph(
        "如对本决定不服，可以自收到本决定之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。"
    )
    doc.ln(6)
    doc.paragraph(f"{office}（盖章）    {(case.decided_on or date.today()):%Y年%m月%d日}")
    return bytes(doc.output())


def _start_month(case: AssistanceCase) -> str:
    enrolment = case.enrolments.order_by("start_month").first()
    return f"{enrolment.start_month:%Y年%m月}" if enrolment else "—"
