"""The official 民政统计报表 forms as data (reference: ../shared/reference/stat-forms.md §2–§6). Pure data.

Each form version is keyed by 表号 and version; rows carry level (indentation: 0 一、 1 (一) 2 1. 3 (1) 4 A
5 I), label as printed, unit and 代码. Rows whose code or order the published forms do not confirm are kept
with ``confirmed=False`` and shown as such. ``sum`` marks a row that equals the sum of its child rows (§7).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
    _r(4, "B 农村特困人员救助供养支出", "万元", confirmed=False),
    _r(3, "(3)临时救助支出", "万元", confirmed=False),
    _r(3, "(4)流浪乞讨人员救助", "万元", confirmed=False),
    _r(2, "3.民政管理事务", "万元", confirmed=False),
    _r(2, "4.行政事业单位离退休", "万元", confirmed=False),
    _r(2, "5.其他", "万元", confirmed=False),
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

FORMS: tuple[SeedForm, ...] = (
    SeedForm(
        "JZH01表", "民政统计季报表", "quarter", "国统制[2023]83号", date(2024, 1, 1), None,
        "国统制[2023]83号", "国家统计局", "上季度",
        "2024年起的季报（邵阳市2024年10月等公开报表）。" + _UNCONFIRMED, _QUARTERLY_ROWS,
    ),
    SeedForm(
        "JBZH0001表", "民政统计季报表", "quarter", "2022", date(2022, 1, 1), date(2023, 12, 31),
        "", "国家统计局（批转）", "上季度",
        "2019—2023年的季报（四川省2022年9月、衡阳市2023年6月公开报表）；2022年起的行与JZH01表相同。" + _UNCONFIRMED,
        _QUARTERLY_ROWS,
    ),
    SeedForm(
        "JBZ", "民政统计月报表", "month", "2020", date(2020, 1, 1), None, "", "国家统计局", "上期",
        "月报（四川省2020年度公开报表，YZH代码）。" + _UNCONFIRMED, _MONTHLY_ROWS,
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
        )
    ),
    ("JBZ", "A 城市低保人数", "assistance.dibao_urban_persons", "社会救助在保对象"),
    ("JBZ", "B 城市低保户数", "assistance.dibao_urban_households", "社会救助在保对象"),
    ("JBZ", "A 农村低保人数", "assistance.dibao_rural_persons", "社会救助在保对象"),
    ("JBZ", "B 农村低保户数", "assistance.dibao_rural_households", "社会救助在保对象"),
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
