"""名单导入: lists from other departments (e.g. 防止返贫监测对象 from 乡村振兴部门) into the library.

.xlsx or .csv (UTF-8, or GBK as Excel saves it in China). Every row is checked first; one bad row rejects
the whole file with every problem listed by row and column (nothing is written). The same file again is
recognised by its hash; the same people again leave their open categories unchanged.
"""

import hashlib
from datetime import date, datetime

from django.db import transaction

from minzheng.core.errors import ImportRejected, MinzhengError
from minzheng.core.identity import parse_resident_id
from minzheng.core.jurisdiction import NOT_REGISTRABLE_HERE, covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import read_department_table

from ..errors import MonitoringError
from ..models import Category, CategorySource, LibraryCategory, LibraryPerson, ListImport
from .library import _upsert_persons

COLUMNS = ("姓名", "公民身份号码", "户编号", "居住地区划代码", "纳入日期")
TEMPLATE_NOTES = (
    "填写说明：每行一人；公民身份号码18位；户编号为来源部门的家庭编号（同户成员相同）；",
    "居住地区划代码为12位统计用区划代码；纳入日期格式 2026-01-31。整份文件有任何错误都不会导入。",
)


def _rows_of(data: bytes, file_name: str) -> tuple[int, list[list[str]]]:
    """(the header's 0-based row in the file, the rows from the header on), cells as text."""
    return read_department_table(data, file_name, header="公民身份号码", columns=COLUMNS)


def _date(value: str) -> date | None:
    value = value.strip().split(" ")[0]
    for parse in (date.fromisoformat, lambda v: datetime.strptime(v, "%Y/%m/%d").date()):
        try:
            return parse(value)
        except ValueError:
            continue
    return None


def _validated(header_at: int, rows: list[list], user, today: date) -> tuple[list[dict], list[dict]]:
    header = rows[0]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ImportRejected("表头缺少列：" + "、".join(missing))
    col = {name: header.index(name) for name in COLUMNS}
    good, errors, seen = [], [], {}
    # row numbers as the spreadsheet shows them: 1-based, notes above the header counted
    for number, row in enumerate(rows[1:], start=header_at + 2):
        values = {name: (row[i] if i < len(row) else "") for name, i in col.items()}
        if not any(values.values()):
            continue

        def problem(column: str, message: str, number=number) -> None:
            errors.append({"row": number, "column": column, "message": message})

        id_number = ""
        try:
            id_number = parse_resident_id(values["公民身份号码"], today=today).number
        except MinzhengError as exc:
            problem("公民身份号码", exc.message)
        if id_number in seen:
            problem("公民身份号码", f"与第{seen[id_number]}行重复")
        seen.setdefault(id_number, number)
        if not values["姓名"]:
            problem("姓名", "姓名不能为空")
        division = values["居住地区划代码"]
        if len(division) != 12 or not division.isdigit():
            problem("居住地区划代码", f"应为12位数字，实际为“{division}”")
        elif not covers(user.division_code, division):
            problem("居住地区划代码", f"{division} 不在您的管辖范围内")
        if not values["户编号"]:
            problem("户编号", "户编号不能为空（同户成员填写相同编号）")
        since = _date(values["纳入日期"])
        if since is None:
            problem("纳入日期", f"日期格式应为 2026-01-31，实际为“{values['纳入日期']}”")
        elif since > today:
            problem("纳入日期", "纳入日期不能晚于今天")
        good.append({**values, "id_number": id_number, "since": since, "row": number})
    if not good and not errors:
        raise ImportRejected("文件中没有数据行")
    return good, errors


@transaction.atomic
def import_list(
    user, *, data: bytes, file_name: str, category: str, source_department: str, today: date | None = None
) -> ListImport:
    """Import a list into the library; returns the batch (``status`` rejected with ``errors`` or accepted)."""
    require(user, Capability.HANDLE_WARNINGS)
    if category not in (Category.FANGPIN, Category.DIBAO_EDGE, Category.EXPENDITURE_HARDSHIP):
        raise MonitoringError("请选择名单类别（防止返贫监测对象、低保边缘或支出型困难）", field="category")
    if not source_department.strip():
        raise MonitoringError("请填写来源部门", field="source_department")
    today = today or date.today()
    digest = hashlib.sha256(data).hexdigest()
    earlier = ListImport.objects.filter(sha256=digest).first()
    if earlier is not None:
        return earlier
    batch = ListImport(
        file_name=file_name[:200],
        sha256=digest,
        category=category,
        source_department=source_department.strip()[:50],
        division_code=user.division_code,
        uploaded_by=user,
    )
    try:
        rows, errors = _validated(*_rows_of(data, file_name), user, today)
    except ImportRejected as exc:
        rows, errors = [], [{"row": None, "column": "", "message": exc.message}]
    batch.rows_total = len(rows)
    errors = sorted(errors + _registered_elsewhere(user, rows), key=lambda e: e["row"] or 0)
    if errors:
        batch.status, batch.errors = ListImport.REJECTED, errors
        batch.save()
        _audit(user, batch, f"名单导入被拒绝：{file_name}（{len(errors)}处错误）")
        return batch
    batch.status = ListImport.ACCEPTED
    batch.save()
    persons = _upsert_persons(
        {
            r["id_number"]: {
                "name": r["姓名"],
                "birth_date": parse_resident_id(r["id_number"]).birth_date,
                "division_code": r["居住地区划代码"],
                "household_key": f"I{source_department.strip()[:8]}:{r['户编号']}"[:40],
                "household_number": r["户编号"][:40],
            }
            for r in rows
        }
    )
    already = set(
        LibraryCategory.objects.filter(
            person__in=persons.values(), category=category, valid_to__isnull=True
        ).values_list("person__id_number", flat=True)
    )
    added = [
        LibraryCategory(
            person=persons[r["id_number"]],
            category=category,
            source=CategorySource.IMPORT,
            valid_from=r["since"],
            reference=f"import:{batch.pk}",
            list_import=batch,
            recorded_by=user,
        )
        for r in rows
        if r["id_number"] not in already
    ]
    LibraryCategory.objects.bulk_create(added, batch_size=2000)
    batch.rows_added = len(added)
    batch.save(update_fields=["rows_added"])
    _audit(
        user, batch, f"导入{batch.get_category_display()}名单 {file_name}：{len(rows)}人，新增{len(added)}人"
    )
    return batch


def _registered_elsewhere(user, rows: list[dict]) -> list[dict]:
    """A person already in another region's library is neither moved nor revealed (what categories they hold):
    one neutral answer, as for the registry (``core.jurisdiction.NOT_REGISTRABLE_HERE``, ADR 6)."""
    wanted = {r["id_number"] for r in rows if r["id_number"]}
    places = dict(
        LibraryPerson.objects.filter(id_number__in=wanted).values_list("id_number", "division_code")
    )
    return [
        {"row": r["row"], "column": "公民身份号码", "message": NOT_REGISTRABLE_HERE}
        for r in rows
        if r["id_number"] in places and not covers(user.division_code, places[r["id_number"]])
    ]


def _audit(user, batch: ListImport, summary: str) -> None:
    record_event(
        user,
        AuditEvent.IMPORT,
        object_type="monitoring_list_import",
        object_id=batch.pk,
        division_code=batch.division_code,
        summary=summary,
    )
