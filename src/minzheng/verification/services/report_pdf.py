"""核对报告 as a printable PDF with the bureau's heading (for the case file and the household)."""

from minzheng.core.identity import mask_id_number
from minzheng.core.pdf import ChineseDocument
from minzheng.policy.interface import bureau_code, issuing_office

from ..evidence import evidence_rows, income_source, records_for_display
from ..models import HouseholdVerification


def _yuan(amount) -> str:
    return "—" if amount is None else f"¥{amount:,.2f}"


def report_pdf(result: HouseholdVerification, household, members) -> bytes:
    """``members``: the household's current memberships (with persons), as the report page shows them."""
    doc = ChineseDocument(
        bureau=issuing_office(bureau_code(result.division_code)).name, title="家庭经济状况核对报告"
    )
    run = result.run
    doc.fields(
        [
            ("户编号", household.number),
            ("户主", household.head.name if household.head else ""),
            ("救助项目", run.get_program_display()),
            ("核对基准日", f"{run.request_date:%Y-%m-%d}"),
            ("家庭人数", str(result.member_count)),
            ("低保标准", _yuan(result.dibao_standard)),
            ("人均月收入", _yuan(result.per_capita_monthly_income)),
            ("收入认定线", _yuan(result.income_line)),
            ("人均金融资产", _yuan(result.per_capita_financial_assets)),
            ("人均金融资产上限", _yuan(result.asset_limit)),
            ("核对结论", result.get_conclusion_display()),
            ("核对批次", str(run.pk)),
            ("申请来源", "、".join(link["label"] for link in result.requested_for) or "—"),
        ]
    )
    doc.section("家庭成员")
    doc.table(
        ["姓名", "公民身份号码", "与户主关系"],
        [(m.person.name, mask_id_number(m.person.id_number), m.get_relation_display()) for m in members]
        or [("（无现有成员）", "", "")],
        widths=(40, 60, 40),
    )
    doc.section("成员收入明细（核对期内，月均按计算月数）")
    names = {m.person.id_number: m.person.name for m in members}
    doc.table(
        ["成员", "公民身份号码", "来源", "月数", "合计", "月均"],
        [
            (
                names.get(r["id_number"], ""),
                mask_id_number(r["id_number"]),
                income_source(r) + ("（豁免）" if r.get("exempt") else ""),
                r["months_counted"],
                _yuan_text(r["total_amount"]),
                _yuan_text(r["monthly_amount"]),
            )
            for r in result.member_income
        ]
        or [("（无收入记录）", "", "", "", "", "")],
        widths=(20, 38, 34, 14, 30, 30),
    )
    doc.section("成员核对明细（户籍、金融资产、车辆、不动产、工商登记）")
    sections = records_for_display(result.member_records)
    for label, rows in sections:
        doc.paragraph(label)
        doc.table(["记录", "数据"], [(r.key, r.values) for r in rows], widths=(80, 100))
    if not sections:
        doc.paragraph("部门数据中没有成员的相关记录")
    doc.section("理由与证据")
    kinds = {"manual_review": "需人工复核", "ineligible": "不符合"}
    for reason in result.reasons or [{"message": "无", "evidence": []}]:
        kind = kinds.get(reason.get("kind", ""), "")
        doc.paragraph(f"· {reason.get('message', '')}{f'【{kind}】' if kind else ''}")
        rows = evidence_rows(reason.get("evidence") or [])
        if rows:
            doc.table(
                ["数据来源", "记录", "数据"],
                [(r.dataset, r.key, r.values) for r in rows],
                widths=(26, 64, 90),
            )
    if result.note:
        doc.section("经办人备注")
        doc.paragraph(result.note)
    doc.ln(4)
    doc.paragraph(
        "本报告由部门共享数据自动核对生成，数据与结论不得修改；如有异议，应组织入户调查并在备注中说明。"
    )
    return doc.to_bytes()


def _yuan_text(value) -> str:
    from decimal import Decimal

    return _yuan(Decimal(str(value))) if value not in (None, "") else "—"
