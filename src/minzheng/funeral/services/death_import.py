"""死亡信息文件导入: the 居民死亡医学证明 data 卫健/公安 send (.xlsx, or .csv in UTF-8 or GBK).

Every row is checked first; one bad row rejects the whole file with every problem listed in Chinese by row
and column (nothing written). The same file again is recognised by its hash; a certificate already recorded
with the same facts counts as unchanged, so a department resending its month is harmless.
"""

import hashlib
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from minzheng.core.errors import ImportRejected
from minzheng.core.models import AuditEvent, Person
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import read_department_table

from ..errors import InvalidFuneralInput
from ..models import DeathImport, DeathRecord, DeathSource
from .deaths import CertificateInput, check_certificate, commit_certificate

COLUMNS = (
    "死亡医学证明编号", "证明形式", "签发机构类别", "签发机构", "签发日期", "公民身份号码", "姓名", "死亡日期",
    "死亡地点", "死亡原因类别",
)  # fmt: skip
FIELD_COLUMNS = {
    "certificate_number": "死亡医学证明编号", "certificate_form": "证明形式", "issuer_kind": "签发机构类别",
    "issuer_name": "签发机构", "issued_on": "签发日期", "id_number": "公民身份号码", "name": "姓名",
    "death_date": "死亡日期", "death_place": "死亡地点", "cause": "死亡原因类别",
}  # fmt: skip
TEMPLATE_NOTES = (
    "填写说明：每行一份《居民死亡医学证明》；公民身份号码18位；日期格式 2026-01-31；",
    "证明形式填“纸质”或“电子”；签发机构类别填“医疗卫生机构”“社区卫生服务机构”“公安机关”；"
    "死亡地点填“医疗卫生机构”“家中”“养老服务机构”“其他场所”；死亡原因类别填“正常死亡”或“非正常死亡”。"
    "整份文件有任何错误都不会导入。",
)
# What departments write, mapped to the codes (the long forms and the common short ones).
_WORDS = {
    "certificate_form": {"纸质": "paper", "纸质证明": "paper", "电子": "electronic", "电子证明": "electronic", "电子证照": "electronic"},
    "issuer_kind": {
        "医疗卫生机构": "hospital", "医疗机构": "hospital", "医院": "hospital",
        "社区卫生服务机构": "community", "社区卫生服务中心": "community", "乡镇卫生院": "community",
        "社区卫生服务机构（乡镇卫生院）": "community", "公安机关": "police", "公安": "police",
    },
    "death_place": {
        "医疗卫生机构": "hospital", "医院": "hospital", "家中": "home", "养老服务机构": "care_home",
        "养老机构": "care_home", "其他场所": "other", "其他": "other",
    },
    "cause": {"正常死亡": "natural", "非正常死亡": "unnatural"},
}  # fmt: skip


def _rows_of(data: bytes, file_name: str) -> tuple[int, list[list[str]]]:
    """(the header's 0-based row in the file, the rows from the header on), cells as text."""
    return read_department_table(data, file_name, header="公民身份号码", columns=COLUMNS)


def _date(value: str) -> date | None:
    value = value.strip().split(" ")[0].split("T")[0]
    for parse in (
        date.fromisoformat,
        lambda v: datetime.strptime(v, "%Y/%m/%d").date(),
        lambda v: datetime.strptime(v, "%Y%m%d").date(),
    ):
        try:
            return parse(value)
        except ValueError:
            continue
    return None


def _input_of(values: dict[str, str]) -> tuple[CertificateInput, dict[str, str]]:
    problems = {}
    mapped = {}
    for field, words in _WORDS.items():
        raw = values[FIELD_COLUMNS[field]]
        mapped[field] = words.get(raw, "")
        if raw and not mapped[field]:
            problems[field] = (
                f"“{raw}”不是有效的{FIELD_COLUMNS[field]}（可填：" + "、".join(dict.fromkeys(words)) + "）"
            )
    dates = {}
    for field in ("issued_on", "death_date"):
        raw = values[FIELD_COLUMNS[field]]
        dates[field] = _date(raw) if raw else None
        if raw and dates[field] is None:
            problems[field] = f"日期格式应为 2026-01-31，实际为“{raw}”"
    data = CertificateInput(
        certificate_number=values["死亡医学证明编号"], issuer_name=values["签发机构"],
        id_number=values["公民身份号码"], name=values["姓名"], **mapped, **dates,
    )  # fmt: skip
    return data, problems


def import_deaths(
    actor, *, data: bytes, file_name: str, source_department: str, today: date | None = None
) -> DeathImport:
    """Import one file; returns the batch (``rejected`` with ``errors``, or ``accepted``)."""
    require(actor, Capability.MANAGE_FUNERAL)
    require(actor, Capability.EDIT_REGISTRY)
    department = source_department.strip()
    if not department:
        raise InvalidFuneralInput("请填写来源部门（如 市卫生健康委员会）", field="source_department")
    if len(department) > 50:
        raise InvalidFuneralInput("来源部门不能超过50个字", field="source_department")
    today = today or timezone.localdate()
    digest = hashlib.sha256(data).hexdigest()
    earlier = DeathImport.objects.filter(sha256=digest).first()
    if earlier is not None:
        return earlier
    with transaction.atomic():
        batch = DeathImport(
            file_name=file_name[:200], sha256=digest, source_department=department,
            division_code=actor.division_code, uploaded_by=actor,
        )  # fmt: skip
        try:
            checked, errors = _validated(actor, *_rows_of(data, file_name), today)
        except ImportRejected as exc:
            checked, errors = [], [{"row": None, "column": "", "message": exc.message}]
        batch.rows_total = len(checked)
        if errors:
            batch.status, batch.errors = DeathImport.REJECTED, errors
            batch.save()
            _audit(actor, batch, f"死亡信息文件被拒绝：{file_name}（{len(errors)}处错误）")
            return batch
        batch.status = DeathImport.ACCEPTED
        batch.save()
        added = 0
        for row in checked:
            if row.already is None:
                commit_certificate(actor, row, source=DeathSource.FILE, death_import=batch)
                added += 1
        batch.rows_added, batch.rows_unchanged = added, len(checked) - added
        batch.save(update_fields=["rows_added", "rows_unchanged"])
        _audit(
            actor, batch,
            f"导入死亡信息 {file_name}（{department}）：{len(checked)}条，新增{added}条，已登记{len(checked) - added}条",
        )  # fmt: skip
        return batch


def _validated(actor, header_at: int, rows: list[list[str]], today: date):
    header = rows[0]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ImportRejected("表头缺少列：" + "、".join(missing))
    col = {name: header.index(name) for name in COLUMNS}
    lines = []
    for number, row in enumerate(rows[1:], start=header_at + 2):
        values = {name: (row[i] if i < len(row) else "") for name, i in col.items()}
        if any(values.values()):
            lines.append((number, values))
    if not lines:
        raise ImportRejected("文件中没有数据行")
    ids = {v["公民身份号码"].upper() for _, v in lines}
    numbers = {v["死亡医学证明编号"] for _, v in lines}
    persons = {p.id_number: p for p in Person.objects.filter(id_number__in=ids)}
    recorded = {d.certificate_number: d for d in DeathRecord.objects.filter(certificate_number__in=numbers)}
    by_id = {d.id_number: d for d in DeathRecord.objects.filter(id_number__in=ids)}
    checked, errors = [], []
    first_seen: dict[tuple[str, str], int] = {}
    for number, values in lines:
        data, problems = _input_of(values)
        result = check_certificate(
            actor, data, today=today, persons=persons, recorded=recorded, recorded_by_id=by_id
        )
        problems = problems | {k: v for k, v in result.problems.items() if k not in problems}
        for key in (("certificate_number", data.certificate_number), ("id_number", data.id_number)):
            if key[1] and key in first_seen:
                problems.setdefault(key[0], f"与第{first_seen[key]}行重复")
            first_seen.setdefault(key, number)
        for field, message in problems.items():
            errors.append({"row": number, "column": FIELD_COLUMNS.get(field, field), "message": message})
        checked.append(result)
    return checked, errors


def _audit(actor, batch: DeathImport, summary: str) -> None:
    record_event(
        actor, AuditEvent.IMPORT, object_type="funeral.deathimport", object_id=batch.pk,
        division_code=batch.division_code, summary=summary[:300],
    )  # fmt: skip


def template_workbook() -> bytes:
    """The empty file with the header and notes, for departments and the funeral home's desk."""
    from minzheng.core.spreadsheets import Sheet, write_workbook

    example = ["1100000000000000001", "电子", "医疗卫生机构", "丹东市第一医院", "2026-07-02", "", "", "2026-07-01", "医疗卫生机构", "正常死亡"]  # fmt: skip
    return write_workbook(
        [
            Sheet(
                "死亡信息",
                list(COLUMNS),
                [example],
                column_widths=(22, 10, 18, 24, 12, 22, 10, 12, 14, 12),
                notes=TEMPLATE_NOTES,
                text_columns=(0, 5),
            )
        ]
    )
