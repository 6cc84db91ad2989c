"""花名册 PDF: what the township and county sign and keep — grouped by 乡镇（街道） with subtotals, the total
in figures and in 大写, and signature lines (制表、审核、分管领导、单位盖章).

ID numbers are masked (first 6 + last 4) unless the exporter may reveal them and asks to; bank accounts
always show only their first and last four digits — the full ones travel only in the audited bank file.
"""

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from minzheng.core.identity import mask_account, mask_id_number
from minzheng.core.models import AuditEvent
from minzheng.core.pdf import ChineseDocument
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import bureau_code, issuing_office

from ..errors import PayrollError
from ..models import LineKind, PayrollRoster
from ..rules.money import rmb_upper

MAX_LINES = 20_000  # beyond this a county prints per township: a 5,000-page PDF helps nobody
HEADERS = [
    "序号",
    "村（社区）",
    "户编号",
    "领款人",
    "公民身份号码",
    "人数",
    "类别",
    "金额（元）",
    "开户银行",
    "银行账号",
    "领款人签字",
]
WIDTHS = [11, 32, 30, 17, 37, 10, 20, 20, 30, 36, 24]
_KIND_SHORT = {
    LineKind.REGULAR: "正常",
    LineKind.REISSUE: "失败补发",
    LineKind.ARREARS: "追溯补发",
    LineKind.DEDUCTION: "追溯扣发",
}


def roster_pdf(
    user,
    roster: PayrollRoster,
    *,
    township_code: str = "",
    reveal: bool = False,
    progress: Callable[[str, int, int], None] | None = None,
) -> bytes:
    """``progress(stage, lines done, lines total)`` follows the township groups as they are laid out."""
    tell = progress or (lambda stage, done, total: None)
    require(user, Capability.EXPORT)
    if reveal:
        require(user, Capability.REVEAL_ID_NUMBER)
    lines = roster.lines.order_by("township_code", "division_code", "household_number", "seq")
    if township_code:
        lines = lines.filter(township_code=township_code)
    count = lines.count()
    if count > MAX_LINES:
        raise PayrollError(f"花名册共{count}条，请按乡镇（街道）分别打印", field="township")
    names = names_of(
        set(lines.values_list("division_code", flat=True).distinct())
        | set(lines.values_list("township_code", flat=True).distinct())
        | {roster.division_code}
    )
    title = f"{roster.month:%Y年%m月}{roster.program_name}资金发放花名册"
    doc = ChineseDocument(
        bureau=issuing_office(bureau_code(roster.division_code)).name, title=title, orientation="L"
    )
    scope_name = names.get(roster.division_code, roster.division_code)
    if township_code:
        scope_name += f" · {names.get(township_code, township_code)}"
    doc.fields(
        [
            ("发放区划", scope_name),
            ("发放月份", f"{roster.month:%Y年%m月}"),
            ("救助项目", roster.program_name),
            ("花名册状态", roster.get_status_display()),
        ],
        columns=4,
    )
    tell("读取花名册明细", 0, count)
    groups = defaultdict(list)
    for line in lines.iterator(chunk_size=2000):
        groups[line.township_code].append(line)
    grand, grand_lines = [0, 0, Decimal("0.00")], 0
    for code, members in groups.items():
        tell(f"排版{names.get(code, code)}", grand_lines, count)
        doc.section(f"{names.get(code, code)}（{len(members)}条）")
        households = len({m.household_id for m in members})
        persons = sum(m.persons for m in members if m.kind == LineKind.REGULAR)
        amount = sum((m.amount for m in members), Decimal("0.00"))
        rows = [
            [
                number,
                names.get(m.division_code, m.division_code),
                m.household_number,
                m.payee_name,
                m.payee_id_number if reveal else mask_id_number(m.payee_id_number),
                m.persons,
                _KIND_SHORT[m.kind],
                f"{m.amount:,.2f}",
                m.bank_name,
                mask_account(m.bank_account),
                "",
            ]
            for number, m in enumerate(members, start=grand_lines + 1)
        ]
        grand_lines += len(members)
        rows.append(["小计", "", f"{households}户", "", "", persons, "", f"{amount:,.2f}", "", "", ""])
        doc.table(HEADERS, rows, WIDTHS)
        grand[0] += households
        grand[1] += persons
        grand[2] += amount
    tell("生成PDF文件", count, count)
    doc.section("合计")
    doc.fields(
        [
            ("户数", f"{grand[0]}户"),
            ("保障人数", f"{grand[1]}人"),
            ("金额合计", f"{grand[2]:,.2f}元"),
            ("大写", rmb_upper(grand[2])),
        ],
        columns=4,
    )
    doc.ln(6)
    approver = roster.approved_by.display_name if roster.approved_by else "________"
    maker = roster.generated_by.display_name if roster.generated_by else "________"
    doc.paragraph(
        f"制表人：{maker}        审核人：{approver}        分管领导：____________        "
        "单位（盖章）：____________        日期：______年____月____日"
    )
    doc.paragraph(
        "说明：本花名册一式三份，民政部门、乡镇（街道）、代发银行各存一份；证件号码、银行账号已按规定脱敏。"
        if not reveal
        else "说明：本花名册含完整证件号码，属敏感个人信息，仅限经办使用，不得公开张贴。"
    )
    record_event(
        user,
        AuditEvent.READ_ID_NUMBER if reveal else AuditEvent.EXPORT,
        object_type="payroll_roster",
        object_id=roster.pk,
        division_code=roster.division_code,
        summary=f"导出花名册 PDF：{roster}{'（' + names.get(township_code, township_code) + '）' if township_code else ''}，"
        f"{count}条{'，含完整证件号码' if reveal else ''}",
    )
    return doc.to_bytes()
