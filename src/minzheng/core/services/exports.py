"""导出: Excel files of what a user may see — inside their jurisdiction, ID numbers masked, audited."""

from collections.abc import Callable, Iterable, Iterator

from ..identity import mask_id_number
from ..models import AuditEvent
from ..permissions import Capability, require
from ..roster_format import ROSTER_COLUMNS, TEXT_COLUMNS
from ..selectors.registry import HouseholdFilter, PersonFilter, household_list, person_list
from ..spreadsheets import Sheet, write_workbook
from . import codes_labels
from .audit import record_event

Progress = Callable[[str, int, int], None]
PROGRESS_EVERY = 5_000  # rows between two progress reports of a long export (a 后台任务 shows them)


def _reported(rows: Iterable, total: int, stage: str, progress: Progress | None) -> Iterator:
    """The rows as they are written, telling ``progress`` every few thousand (the file is written as read)."""
    if progress is None:
        yield from rows
        return
    progress(stage, 0, total)
    for number, row in enumerate(rows, start=1):
        if number % PROGRESS_EVERY == 0:
            progress(stage, number, total)
        yield row
    progress("生成Excel文件", total, total)


def export_households(user, filters: HouseholdFilter, progress: Progress | None = None) -> bytes:
    require(user, Capability.EXPORT)
    qs = household_list(user, filters)
    rows = (
        (
            h.number,
            h.head.name if h.head else "",
            mask_id_number(h.head.id_number) if h.head else "",
            h.member_count,
            codes_labels.AREA_TYPES.get(h.area_type, ""),
            h.residence_division_code,
            h.address,
            h.established_on,
        )
        for h in qs.iterator(chunk_size=2000)
    )
    if progress is not None:
        rows = _reported(rows, qs.count(), "读取并写入家庭户", progress)
    content = write_workbook(
        [
            Sheet(
                "家庭户",
                [
                    "户编号",
                    "户主姓名",
                    "户主公民身份号码",
                    "现有人数",
                    "城乡类别",
                    "居住地区划代码",
                    "详细地址",
                    "立户日期",
                ],
                rows,
                column_widths=(18, 10, 22, 10, 10, 16, 30, 12),
            )
        ]
    )
    record_event(
        user,
        AuditEvent.EXPORT,
        object_type="household",
        division_code=user.division_code,
        summary=f"导出家庭户（{_describe(filters)}）",
    )
    return content


def export_persons(user, filters: PersonFilter, progress: Progress | None = None) -> bytes:
    require(user, Capability.EXPORT)
    qs = person_list(user, filters)
    rows = (
        (
            p.name,
            mask_id_number(p.id_number),
            codes_labels.SEXES.get(p.sex, ""),
            p.birth_date,
            p.ethnicity,
            p.residence_division_code,
            p.address,
            p.disability_category,
            p.disability_grade or "",
            "已死亡" if p.is_deceased else "",
        )
        for p in qs.iterator(chunk_size=2000)
    )
    if progress is not None:
        rows = _reported(rows, qs.count(), "读取并写入人员", progress)
    content = write_workbook(
        [
            Sheet(
                "人员",
                [
                    "姓名",
                    "公民身份号码",
                    "性别",
                    "出生日期",
                    "民族",
                    "居住地区划代码",
                    "详细地址",
                    "残疾类别",
                    "残疾等级",
                    "状态",
                ],
                rows,
                column_widths=(10, 22, 6, 12, 10, 16, 30, 10, 10, 8),
            )
        ]
    )
    record_event(
        user,
        AuditEvent.EXPORT,
        object_type="person",
        division_code=user.division_code,
        summary=f"导出人员（{_describe(filters)}）",
    )
    return content


def roster_template() -> bytes:
    """花名册模板: the header row, one worked example household and the filling instructions."""
    example = [
        [
            "210602199001011234",
            "户主",
            "张三",
            "210602199001011234",
            "男",
            "1990-01-01",
            "汉族",
            "210602002001",
            "示例路1号",
            "城市",
            "210602002001",
            "13800000000",
            "",
            "",
        ],
        [
            "210602199001011234",
            "配偶",
            "李四",
            "210602199202021228",
            "女",
            "1992-02-02",
            "满族",
            "",
            "",
            "",
            "",
            "",
            "肢体",
            "三级",
        ],
    ]
    return write_workbook(
        [
            Sheet(
                "花名册",
                [c.header + ("*" if c.required else "") for c in ROSTER_COLUMNS],
                example,
                column_widths=[c.width for c in ROSTER_COLUMNS],
                text_columns=TEXT_COLUMNS,
            ),
            Sheet(
                "填写说明",
                ["列名", "是否必填", "说明"],
                ([c.header, "是" if c.required else "否", c.hint] for c in ROSTER_COLUMNS),
                column_widths=(18, 10, 60),
            ),
        ]
    )


def _describe(filters) -> str:
    parts = [f"{k}={v}" for k, v in vars(filters).items() if v not in ("", None, False)]
    return "，".join(parts) or "全部"
