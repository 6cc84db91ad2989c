"""The official 民政统计报表 forms as data (reference: ../shared/reference/stat-forms.md §2–§6). Pure data.

Each form version is keyed by 表号 and version; rows carry level (indentation: 0 一、 1 (一) 2 1. 3 (1) 4 A
5 I), label as printed, unit and 代码. Rows whose code or order the published forms do not confirm are kept
with ``confirmed=False`` and shown as such. ``sum`` marks a row that equals the sum of its child rows (§7).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .statform_rules import AT_LEAST, CHECK, ERROR, IF_POSITIVE, AuditRule


@dataclass(frozen=True)
class SeedRow:
    level: int
    label: str
    unit: str = ""
    code: str = ""
    heading: bool = False
    sum: bool = False
    confirmed: bool = True


@dataclass(frozen=True)
class SeedForm:
    code: str
    name: str
    period_type: str
    version: str
    valid_from: date
    valid_to: date | None
    approval_no: str
    approver: str
    previous_label: str
    note: str
    rows: tuple[SeedRow, ...]
    last_month: bool = False  # the 上月 column (2019–2023 quarterly forms, stat-forms.md §3)
    checks: tuple[AuditRule, ...] = ()


def _r(level, label, unit="", code="", **flags) -> SeedRow:
    return SeedRow(level, label, unit, code, **flags)


_TOWNSHIPS = lambda prefix: (  # noqa: E731 — the same block in both forms, with the form's code prefix
    _r(1, "(一)乡级行政区划", "个", f"{prefix}011110000", sum=True),
    _r(2, "1.镇", "个", f"{prefix}011111000"),
    _r(2, "2.乡", "个", f"{prefix}011112000"),
    _r(2, "3.民族乡", "个", f"{prefix}011112100"),
    _r(2, "4.苏木", "个", f"{prefix}011112200"),
    _r(2, "5.民族苏木", "个", f"{prefix}011112300"),
    _r(2, "6.街道", "个", f"{prefix}011113000"),
    _r(2, "7.区公所", "个", f"{prefix}011114000"),
)

_EXPENDITURE_TAIL = (
    _r(4, "B 农村特困人员救助供养支出", "万元", confirmed=False),
    _r(3, "(3)临时救助支出", "万元", confirmed=False),
    _r(3, "(4)流浪乞讨人员救助", "万元", confirmed=False),
    _r(2, "3.民政管理事务", "万元", confirmed=False),
    _r(2, "4.行政事业单位离退休", "万元", confirmed=False),
    _r(2, "5.其他", "万元", confirmed=False),
)

# 二、社会工作 of the quarterly form: labels and order of the 2020 quarterly form (S8, with 农村 rows from
# S7/S10); no publication with codes was reachable, so every row is 未核实 and carries no code (§4). The
# 老年人福利 rows come from the 2019 monthly form (S9); 残疾人福利 and 社会救助 persons from the summaries and
# the 2018 field list (S12) — their numbering and order are the platform's, not confirmed.
_SOCIAL_WORK = (
    _r(0, "二、社会工作", heading=True, confirmed=False),
    _r(1, "(一)提供住宿的社会服务", heading=True, confirmed=False),
    _r(2, "1.机构数", "个", sum=True, confirmed=False),
    _r(4, "A、养老机构", "个", confirmed=False),
    _r(4, "B、精神疾病服务机构", "个", confirmed=False),
    _r(4, "C、儿童福利和救助保护机构", "个", confirmed=False),
    _r(4, "D、其他提供住宿机构", "个", confirmed=False),
    _r(2, "2.床位数", "张", sum=True, confirmed=False),
    _r(3, "(1)养老机构床位数", "张", confirmed=False),
    _r(3, "(2)精神疾病服务机构床位数", "张", confirmed=False),
    _r(3, "(3)儿童福利和救助保护机构床位数", "张", confirmed=False),
    _r(3, "(4)其他提供住宿机构床位数", "张", confirmed=False),
    _r(2, "3.收养救助人数", "人", sum=True, confirmed=False),
    _r(3, "(1)养老机构服务人数", "人", confirmed=False),
    _r(3, "(2)精神疾病服务机构服务人数", "人", confirmed=False),
    _r(3, "(3)儿童福利和救助保护机构服务人数", "人", confirmed=False),
    _r(3, "(4)其他提供住宿机构服务人数", "人", confirmed=False),
    _r(1, "(二)不提供住宿的社会服务", heading=True, confirmed=False),
    _r(2, "不提供住宿的社会服务机构和设施总数", "个", confirmed=False),
    _r(2, "1.儿童福利", heading=True, confirmed=False),
    _r(3, "(1)困境儿童", "人", sum=True, confirmed=False),
    _r(4, "A贫困家庭儿童", "人", confirmed=False),
    _r(4, "B自身残疾儿童", "人", confirmed=False),
    _r(4, "C事实无人抚养儿童", "人", confirmed=False),
    _r(3, "(2)孤儿", "人", sum=True, confirmed=False),
    _r(4, "A有身份信息的孤儿", "人", confirmed=False),
    _r(4, "B无身份信息的孤儿", "人", confirmed=False),
    _r(3, "(3)成立收养关系登记", "件", confirmed=False),
    _r(2, "2.老年人福利", heading=True, confirmed=False),
    _r(3, "(1)享受高龄补贴的老年人数", "人", confirmed=False),
    _r(3, "(2)享受护理补贴的老年人数", "人", confirmed=False),
    _r(3, "(3)享受养老服务补贴的老年人数", "人", confirmed=False),
    _r(3, "(4)享受综合补贴的老年人数", "人", confirmed=False),
    _r(2, "3.残疾人福利", heading=True, confirmed=False),
    _r(3, "(1)享受困难残疾人生活补贴人数", "人", confirmed=False),
    _r(3, "(2)享受重度残疾人护理补贴人数", "人", confirmed=False),
    _r(2, "4.社会救助", heading=True, confirmed=False),
    _r(3, "(1)城市低保", heading=True, confirmed=False),
    _r(4, "A 城市低保人数", "人", confirmed=False),
    _r(4, "B 城市低保户数", "户", confirmed=False),
    _r(3, "(2)农村低保", heading=True, confirmed=False),
    _r(4, "A 农村低保人数", "人", confirmed=False),
    _r(4, "B 农村低保户数", "户", confirmed=False),
    _r(3, "(3)特困人员救助供养", heading=True, confirmed=False),
    _r(4, "A 城市特困人员救助供养人数", "人", confirmed=False),
    _r(4, "B 农村特困人员救助供养人数", "人", confirmed=False),
)

_QUARTERLY_ROWS = (
    _r(0, "一、综合", code="JZH011000000", heading=True),
    *_TOWNSHIPS("JZH"),
    _r(1, "(二)民政事业费累计支出", "万元", "JZH011310000", sum=True),
    _r(2, "1.社会福利", "万元", "JZH011211000"),
    _r(3, "其中:(1)儿童福利", "万元", "JZH011211100"),
    _r(4, "其中:A 孤儿基本生活保障支出", "万元", "JZH011211101"),
    _r(4, "B 事实无人抚养儿童基本生活保障支出", "万元", "JZH011211102"),
    _r(3, "(2)老年福利", "万元", "JZH011211200"),
    _r(3, "(3)残疾人福利", "万元", "JZH011211300"),
    _r(2, "2.社会救助", "万元", "JZH011212000"),
    _r(3, "(1)最低生活保障", "万元", "JZH011212100", sum=True),
    _r(4, "A 城市低保累计支出", "万元", "JZH011212110", sum=True),
    _r(5, "I 城市低保金", "万元", "JZH011212111"),
    _r(5, "II 城市低保临时补贴", "万元", "JZH011212112"),
    _r(4, "B 农村低保累计支出", "万元", "JZH011212120", sum=True),
    _r(5, "I 农村低保金", "万元", "JZH011212121"),
    _r(5, "II 农村低保临时补贴", "万元", "JZH011212122"),
    _r(3, "(2)特困人员救助供养支出", "万元", "YZH011222000", sum=True),
    _r(4, "A 城市特困人员救助供养支出", "万元", "YZH011222100"),
    *_EXPENDITURE_TAIL,
    *_SOCIAL_WORK,
)

# The 2019 quarterly form (S5, 衡阳市 2019年12月): its own division block (乡镇级合计, 2.乡小计 with 其中 rows)
# and the 2019 社会救助 codes (§6); the other codes down to (3)残疾人福利 as S5 prints them (read there on
# 2026-12-07: JZH011000000 … JZH011211300, unchanged in 2022). Codes S5 does not give are left blank (未核实). S5 stops at
# (2)特困人员救助供养支出; the rest of 一、综合 follows the 2020 forms, and no 2019 二、社会工作 section was
# reachable, so this version has none.
_QUARTERLY_2019_ROWS = (
    _r(0, "一、综合", code="JZH011000000", heading=True),
    _r(1, "(一)行政区划", code="JZH011100000", heading=True),
    _r(2, "乡镇级合计", "个", "JZH011110000", sum=True),
    _r(3, "1.镇", "个", "JZH011111000"),
    _r(3, "2.乡小计", "个", "JZH011112000"),
    _r(4, "其中:民族乡", "个", "JZH011112100"),
    _r(4, "苏木", "个", "JZH011112200"),
    _r(4, "民族苏木", "个", "JZH011112300"),
    _r(3, "3.街道", "个", "JZH011113000"),
    _r(3, "4.区公所", "个", "JZH011114000"),
    _r(1, "(二)民政事业费累计支出", "万元", "JZH011310000", sum=True),
    _r(2, "1.社会福利", "万元", "JZH011211000"),
    _r(3, "其中:(1)儿童福利", "万元", "JZH011211100"),
    _r(3, "(2)老年人福利", "万元", "JZH011211200"),
    _r(3, "(3)残疾人福利", "万元", "JZH011211300"),
    _r(2, "2.社会救助", "万元", "JZH011314000"),
    _r(3, "(1)最低生活保障", "万元", "JZH011314100", sum=True),
    _r(4, "A 城市低保累计支出", "万元", "JZH011314110", sum=True),
    _r(5, "I 城市低保金", "万元", "JZH011314111"),
    _r(5, "II 城市低保临时补助", "万元", "JZH011314112"),
    _r(4, "B 农村低保累计支出", "万元", "JZH011314120", sum=True),
    _r(5, "I 农村低保金", "万元", "JZH011314121"),
    _r(5, "II 农村低保临时补助", "万元", "JZH011314122"),
    _r(3, "(2)特困人员救助供养支出", "万元", "JZH011314200", sum=True),
    _r(4, "A 城市特困人员救助供养支出", "万元", confirmed=False),
    *_EXPENDITURE_TAIL,
)

_MONTHLY_ROWS = (
    _r(0, "一、综合", code="YZH011000000", heading=True),
    *_TOWNSHIPS("YZH"),
    _r(1, "(二)民政事业费累计支出", "万元", "YZH011200000", sum=True),
    _r(2, "1.社会福利", "万元", "YZH011210000"),
    _r(2, "2.社会救助", "万元", "YZH011220000"),
    _r(3, "其中:最低生活保障", "万元", "YZH011221000", sum=True),
    _r(4, "A 城市低保累计支出", "万元", "YZH011221100", sum=True),
    _r(5, "I 城市低保金", "万元", "YZH011221110"),
    _r(5, "II 城市低保对象价格临时补贴", "万元", "YZH011221120"),
    _r(4, "B 农村低保累计支出", "万元", "YZH011221200", sum=True),
    _r(5, "I 农村低保金", "万元", "YZH011221210"),
    _r(5, "II 农村低保对象价格临时补贴", "万元", "YZH011221220"),
    # S7 (2020年1月, no codes) prints these three after B 农村低保累计支出; the quarterly S2 prints
    # YZH011222000 / YZH011222100 for the first two, which fits the monthly numbering but is not confirmed
    # on a monthly form (§5). B has no code anywhere.
    _r(3, "(2)特困人员救助供养支出", "万元", "YZH011222000", sum=True, confirmed=False),
    _r(4, "A 城市特困人员救助供养支出", "万元", "YZH011222100", confirmed=False),
    _r(4, "B 农村特困人员救助供养支出", "万元", confirmed=False),
    _r(2, "3.民政管理事务", "万元", "YZH011230000"),
    _r(2, "4.行政事业单位养老支出", "万元", "YZH011240000"),
    _r(2, "5.其他", "万元", "YZH011250000"),
    _r(0, "二、社会工作", code="YZH012000000", heading=True),
    _r(1, "(一)儿童福利", code="YZH012300000", heading=True),
    _r(2, "1.孤儿", "人", "YZH012311000"),
    _r(2, "2.事实无人抚养儿童", "人", "YZH012320000"),
    _r(1, "(二)社会救助", code="YZH012400000", heading=True),
    _r(2, "最低生活保障", "人", "YZH012410000", heading=True),
    _r(3, "(1)城市低保", heading=True, confirmed=False),
    _r(4, "A 城市低保人数", "人", confirmed=False),
    _r(4, "B 城市低保户数", "户", confirmed=False),
    _r(3, "(2)农村低保", heading=True, confirmed=False),
    _r(4, "A 农村低保人数", "人", confirmed=False),
    _r(4, "B 农村低保户数", "户", confirmed=False),
    _r(2, "2.特困人员救助供养", heading=True, confirmed=False),
    _r(4, "A 城市特困人员救助供养人数", "人", confirmed=False),
    _r(4, "B 农村特困人员救助供养人数", "人", confirmed=False),
)

_UNCONFIRMED = "标注“未核实”的行：公开报表未能核实其代码或顺序（stat-forms.md §4–§5），按较早版本或摘要列出。"

# 表内审核 beyond the row tree (the tree gives 合计 = 下级之和 and 其中 parts ≤ their row, see
# ``tree_rules``). Cross-row checks between rows of different blocks: persons ≥ households (a household has
# at least one member: 强制性), and plausibility checks a reporter confirms with a 说明 (核实性).
_PERSONS_CHECKS = (
    AuditRule("A 城市低保人数", AT_LEAST, ("B 城市低保户数",), ERROR, "城市低保人数≥城市低保户数"),
    AuditRule("A 农村低保人数", AT_LEAST, ("B 农村低保户数",), ERROR, "农村低保人数≥农村低保户数"),
)
_QUARTERLY_CHECKS = (
    *_PERSONS_CHECKS,
    AuditRule(
        "I 城市低保金", IF_POSITIVE, ("A 城市低保人数",), CHECK, "有城市低保人数时，应有城市低保金支出"
    ),
    AuditRule(
        "I 农村低保金", IF_POSITIVE, ("A 农村低保人数",), CHECK, "有农村低保人数时，应有农村低保金支出"
    ),
    AuditRule("2.床位数", AT_LEAST, ("3.收养救助人数",), CHECK, "提供住宿的社会服务：床位数≥收养救助人数"),
    AuditRule(
        "A、养老机构", IF_POSITIVE, ("(1)养老机构床位数",), ERROR, "有养老机构床位数时，养老机构数不能为空"
    ),
)
_MONTHLY_CHECKS = (
    *_PERSONS_CHECKS,
    AuditRule(
        "I 城市低保金", IF_POSITIVE, ("A 城市低保人数",), CHECK, "有城市低保人数时，应有城市低保金支出"
    ),
    AuditRule(
        "I 农村低保金", IF_POSITIVE, ("A 农村低保人数",), CHECK, "有农村低保人数时，应有农村低保金支出"
    ),
)
_SUBMISSION_NOTE = (
    "表内审核：合计行等于其下各项之和，“其中”项之和不大于所属行（强制性审核，不通过不能上报）；"
    "核实性审核不通过的，填写审核说明后可以上报。"
)

FORMS: tuple[SeedForm, ...] = (
    SeedForm(
        "JZH01表", "民政统计季报表", "quarter", "国统制[2023]83号", date(2024, 1, 1), None,
        "国统制[2023]83号", "国家统计局", "上季度",
        "2024年起的季报（邵阳市2024年10月等公开报表）；可按季或按月编制（湖南各市按月公布本表）。"
        + _UNCONFIRMED + _SUBMISSION_NOTE, _QUARTERLY_ROWS, checks=_QUARTERLY_CHECKS,
    ),
    SeedForm(
        "JBZH0001表", "民政统计季报表", "quarter", "2022", date(2022, 1, 1), date(2023, 12, 31),
        "", "国家统计局（批转）", "上季度",
        "2022—2023年的季报（四川省2022年9月、衡阳市2023年6月公开报表；JBZH0001表自2019年使用）；行与JZH01表相同。"
        + _UNCONFIRMED + _SUBMISSION_NOTE, _QUARTERLY_ROWS, last_month=True, checks=_QUARTERLY_CHECKS,
    ),
    SeedForm(
        "JBZH0001表", "民政统计季报表", "quarter", "2019", date(2019, 1, 1), date(2019, 12, 31),
        "", "国家统计局（批转）", "上季度",
        "2019年的季报（衡阳市2019年12月公开报表）：乡镇级合计、乡小计，社会救助支出代码为JZH011314xxx。"
        "未能取得2019年版“二、社会工作”部分的公开表式，本版只含“一、综合”。2020—2021年的表式未能核实。"
        + _UNCONFIRMED + _SUBMISSION_NOTE, _QUARTERLY_2019_ROWS, last_month=True,
    ),
    SeedForm(
        "JBZ", "民政统计月报表", "month", "2020", date(2020, 1, 1), None, "", "国家统计局", "上期",
        "月报（四川省2020年度公开报表，YZH代码）。" + _UNCONFIRMED + _SUBMISSION_NOTE, _MONTHLY_ROWS,
        checks=_MONTHLY_CHECKS,
    ),
)  # fmt: skip

# Rows filled from computed sources, by (表号, label). Sources not installed yet leave the row to entry;
# the binding page edits these, so a source a domain adds later is bound without code.
ROW_BINDINGS: tuple[tuple[str, str, str, str], ...] = (
    *(
        (form, label, f"planning.townships_{kind}", "按当前行政区划统计")
        for form in ("JZH01表", "JBZH0001表", "JBZ")
        for label, kind in (
            ("1.镇", "town"), ("2.乡", "township"), ("3.民族乡", "ethnic_township"), ("4.苏木", "sumu"),
            ("5.民族苏木", "ethnic_sumu"), ("6.街道", "subdistrict"), ("7.区公所", "district_office"),
            # The 2019 block: 2.乡小计 counts 乡, 民族乡, 苏木 and 民族苏木 (§7: 乡镇级合计 = 镇 + 乡小计 + 街道 + 区公所).
            ("2.乡小计", "township_subtotal"), ("其中:民族乡", "ethnic_township"), ("苏木", "sumu"),
            ("民族苏木", "ethnic_sumu"), ("3.街道", "subdistrict"), ("4.区公所", "district_office"),
        )
    ),
    *(
        (form, label, source, "社会救助在保对象")
        for form in ("JZH01表", "JBZH0001表", "JBZ")
        for label, source in (
            ("A 城市低保人数", "assistance.dibao_urban_persons"),
            ("B 城市低保户数", "assistance.dibao_urban_households"),
            ("A 农村低保人数", "assistance.dibao_rural_persons"),
            ("B 农村低保户数", "assistance.dibao_rural_households"),
            ("(1)享受困难残疾人生活补贴人数", "assistance.disability_living_persons"),
            ("(2)享受重度残疾人护理补贴人数", "assistance.disability_care_persons"),
        )
    ),
    # 低保金 (万元, year to date): what the enrolments entitled month by month; 临时补贴 stay entered.
    *(
        (form, label, source, "社会救助在保对象各月应发保障金")
        for form in ("JZH01表", "JBZH0001表", "JBZ")
        for label, source in (
            ("I 城市低保金", "assistance.dibao_urban_spending"),
            ("I 农村低保金", "assistance.dibao_rural_spending"),
        )
    ),
)  # fmt: skip
