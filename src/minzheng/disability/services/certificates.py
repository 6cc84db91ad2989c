"""残疾人证数据导入: the county 残联's certificate list as a department dataset (.xlsx, or .csv in UTF-8/GBK).

Every row is checked first; one bad row rejects the whole file with each problem in Chinese by row and column
(nothing written). The same file again is recognised by its hash; a certificate with the same facts counts as
unchanged. A changed grade or type, or a shortened validity, of someone with a live 两项补贴 file raises the
caseworker's task (``changes.raise_task``).
"""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from minzheng.core.errors import ImportRejected
from minzheng.core.identity import InvalidIdNumber, mask_id_number, parse_resident_id
from minzheng.core.models import AuditEvent, Person
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import read_department_table

from ..errors import InvalidDisabilityInput
from ..models import LIVE, CertificateImport, DisabilityCertificate, SubsidyApplication, TaskKind
from ..rules.eligibility import CATEGORIES
from .changes import raise_task

COLUMNS = ("残疾人证号", "公民身份号码", "姓名", "残疾类别", "残疾等级", "发证日期", "有效期至")
_GRADE = {
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "一级": 1,
    "二级": 2,
    "三级": 3,
    "四级": 4,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
}
_CATEGORY = {**{c: c for c in CATEGORIES}, **{f"{c}残疾": c for c in CATEGORIES}}


@dataclass
class Row:
    line: int
    number: str
    person: Person
    category: str
    grade: int
    valid_from: date
    valid_until: date | None
    existing: DisabilityCertificate | None


def _date(value: str) -> date | None:
    value = value.strip().split(" ")[0].split("T")[0]
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _rows_of(data: bytes, file_name: str) -> tuple[int, list[list[str]]]:
    """(the header's 0-based row in the file, the rows from the header on), cells as text."""
    return read_department_table(data, file_name, header="残疾人证号", columns=COLUMNS)


def _check(header_at: int, rows: list[list[str]], actor) -> tuple[list[Row], list[dict]]:
    header = rows[0]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ImportRejected("表头缺少列：" + "、".join(missing))
    col = {name: header.index(name) for name in COLUMNS}
    lines = []
    for line, row in enumerate(rows[1:], start=header_at + 2):
        values = {name: (row[i] if i < len(row) else "") for name, i in col.items()}
        if any(values.values()):
            lines.append((line, values))
    if not lines:
        raise ImportRejected("文件中没有数据行")
    ids = {v["公民身份号码"].upper() for _, v in lines}
    persons = {p.id_number: p for p in Person.objects.filter(id_number__in=ids)}
    numbers = {v["残疾人证号"] for _, v in lines}
    by_number = {c.number: c for c in DisabilityCertificate.objects.filter(number__in=numbers)}
    by_person = {
        c.person_id: c for c in DisabilityCertificate.objects.filter(person__in=list(persons.values()))
    }
    checked, errors, seen = [], [], {}

    def error(line: int, column: str, message: str) -> None:
        errors.append({"row": line, "column": column, "message": message})

    for line, v in lines:
        before = len(errors)
        number = v["残疾人证号"]
        if not number:
            error(line, "残疾人证号", "残疾人证号不能为空")
        elif len(number) > 24:
            error(line, "残疾人证号", "残疾人证号不能超过24位")
        elif number in seen:
            error(line, "残疾人证号", f"残疾人证号与第{seen[number]}行重复")
        seen.setdefault(number, line)
        person = None
        try:
            parsed = parse_resident_id(v["公民身份号码"])
            person = persons.get(parsed.number)
            if person is None:
                error(
                    line,
                    "公民身份号码",
                    f"人口库中没有公民身份号码 {mask_id_number(parsed.number)}，请先登记该人员",
                )
            elif not covers_actor(actor, person):
                error(line, "公民身份号码", f"{mask_id_number(parsed.number)} 不在您的管辖范围内")
            elif v["姓名"] and v["姓名"] != person.name:
                error(line, "姓名", "姓名与人口库中该公民身份号码的姓名不一致")
        except InvalidIdNumber as exc:
            error(line, "公民身份号码", exc.message)
        category = _CATEGORY.get(v["残疾类别"])
        if category is None:
            error(
                line,
                "残疾类别",
                f"“{v['残疾类别']}”不是有效的残疾类别（可填：" + "、".join(CATEGORIES) + "）",
            )
        grade = _GRADE.get(v["残疾等级"])
        if grade is None:
            error(line, "残疾等级", f"“{v['残疾等级']}”不是有效的残疾等级（可填：一级、二级、三级、四级）")
        valid_from = _date(v["发证日期"]) if v["发证日期"] else None
        if valid_from is None:
            error(line, "发证日期", f"日期格式应为 2026-01-31，实际为“{v['发证日期']}”")
        valid_until = _date(v["有效期至"]) if v["有效期至"] else None
        if v["有效期至"] and valid_until is None:
            error(line, "有效期至", f"日期格式应为 2026-01-31，实际为“{v['有效期至']}”")
        if valid_from and valid_until and valid_until < valid_from:
            error(line, "有效期至", "有效期至不能早于发证日期")
        if len(errors) > before or person is None:
            continue
        existing = by_number.get(number)
        if existing is not None and existing.person_id != person.pk:
            error(line, "残疾人证号", "该残疾人证号已登记在另一人名下")
            continue
        existing = existing or by_person.get(person.pk)
        checked.append(Row(line, number, person, category, grade, valid_from, valid_until, existing))
    return checked, errors


def covers_actor(actor, person: Person) -> bool:
    from minzheng.core.jurisdiction import covers

    return covers(actor.division_code, person.hukou_division_code or person.residence_division_code)


def import_certificates(
    actor, *, data: bytes, file_name: str, source_department: str, today: date | None = None
):
    """Import one file (all or nothing); returns the batch (``rejected`` with ``errors``, or ``accepted``)."""
    require(actor, Capability.CDPF_REVIEW_DISABILITY)
    department = (source_department or "").strip()
    if not department:
        raise InvalidDisabilityInput("请填写来源部门（如 县残疾人联合会）", field="source_department")
    if len(department) > 50:
        raise InvalidDisabilityInput("来源部门不能超过50个字", field="source_department")
    today = today or timezone.localdate()
    digest = hashlib.sha256(data).hexdigest()
    earlier = CertificateImport.objects.filter(sha256=digest).first()
    if earlier is not None:
        return earlier
    with transaction.atomic():
        batch = CertificateImport(
            file_name=file_name[:200], sha256=digest, source_department=department,
            division_code=actor.division_code, uploaded_by=actor,
        )  # fmt: skip
        try:
            checked, errors = _check(*_rows_of(data, file_name), actor)
        except ImportRejected as exc:
            checked, errors = [], [{"row": None, "column": "", "message": exc.message}]
        batch.rows_total = len(checked)
        if errors:
            batch.status, batch.errors = CertificateImport.REJECTED, errors
            batch.save()
            _audit(actor, batch, f"残疾人证数据被拒绝：{file_name}（{len(errors)}处错误）")
            return batch
        batch.save()
        for row in checked:
            _apply(actor, batch, row, today)
        batch.save()
        _audit(
            actor, batch,
            f"导入残疾人证数据 {file_name}（{department}）：{len(checked)}条，新增{batch.rows_added}条，"
            f"变更{batch.rows_changed}条，未变{batch.rows_unchanged}条",
        )  # fmt: skip
        return batch


def _apply(actor, batch: CertificateImport, row: Row, today: date) -> None:
    division = row.person.hukou_division_code or row.person.residence_division_code
    facts = {"number": row.number, "category": row.category, "grade": row.grade,
             "valid_from": row.valid_from, "valid_until": row.valid_until}  # fmt: skip
    if row.existing is None:
        DisabilityCertificate.objects.create(
            person=row.person, division_code=division, source_import=batch, **facts
        )
        batch.rows_added += 1
        return
    old = row.existing
    if all(getattr(old, k) == v for k, v in facts.items()):
        batch.rows_unchanged += 1
        return
    changed = (old.grade, old.category) != (row.grade, row.category)
    note = (
        f"残联数据：{old.category}{old.grade}级 → {row.category}{row.grade}级"
        if changed
        else (f"残联数据：有效期至 {old.valid_until or '长期'} → {row.valid_until or '长期'}")
    )
    for key, value in facts.items():
        setattr(old, key, value)
    old.division_code, old.source_import = division, batch
    old.save()
    batch.rows_changed += 1
    for application in SubsidyApplication.objects.filter(person=row.person, status__in=LIVE):
        raise_task(
            TaskKind.GRADE_CHANGED, application.person, application.division_code, note, today,
            key=f"grade:{application.pk}:{batch.pk}", application=application,
        )  # fmt: skip


def _audit(actor, batch: CertificateImport, summary: str) -> None:
    record_event(
        actor, AuditEvent.CREATE, object_type="disability.certificateimport", object_id=batch.pk,
        division_code=batch.division_code, summary=summary,
    )  # fmt: skip
