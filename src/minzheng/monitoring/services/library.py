"""低收入人口信息库: kept in step with 社会救助 enrolments, extended by imported lists and 主动发现.

Every change is a dated category row (纳入/退出), never an overwrite, so the library can say who was
monitored as what on any day.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from minzheng.assistance.interface import in_force_members
from minzheng.core.errors import MinzhengError
from minzheng.core.identity import parse_resident_id
from minzheng.core.jurisdiction import covers, scope
from minzheng.core.models import AuditEvent, Household
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import MonitoringError
from ..models import Category, CategorySource, LibraryCategory, LibraryPerson


@dataclass(frozen=True)
class SyncSummary:
    persons_in_force: int
    categories_opened: int
    categories_closed: int


def registry_household_key(household_id: int) -> str:
    return f"R{household_id}"


def _upsert_persons(rows: dict[str, dict]) -> dict[str, LibraryPerson]:
    """Library persons by ID number: new ones created, moved households and divisions updated."""
    existing = LibraryPerson.objects.in_bulk(list(rows), field_name="id_number")
    new = [LibraryPerson(id_number=i, **values) for i, values in rows.items() if i not in existing]
    changed = []
    for id_number, person in existing.items():
        values = rows[id_number]
        if any(getattr(person, k) != v for k, v in values.items() if v not in (None, "")):
            for key, value in values.items():
                if value not in (None, ""):
                    setattr(person, key, value)
            changed.append(person)
    LibraryPerson.objects.bulk_create(new, batch_size=2000)
    if changed:
        LibraryPerson.objects.bulk_update(
            changed,
            ["name", "birth_date", "division_code", "household", "household_key", "household_number", "area"],
            batch_size=2000,
        )
    return LibraryPerson.objects.in_bulk(list(rows), field_name="id_number")


@transaction.atomic
def sync_from_assistance(on: date) -> SyncSummary:
    """在保 households' members become library persons with their program's category from its start month;
    categories whose enrolment is no longer in force are closed on ``on``. Idempotent."""
    members = list(in_force_members(on))
    persons = _upsert_persons(
        {
            m.id_number: {
                "name": m.name,
                "birth_date": m.birth_date,
                "division_code": m.division_code,
                "household_id": m.household_id,
                "household_key": registry_household_key(m.household_id),
                "household_number": m.household_number,
                "area": m.area if m.area in ("urban", "rural") else "",
            }
            for m in members
        }
    )
    in_force = {(m.id_number, m.program_code): m for m in members}
    open_rows = {
        (row.person.id_number, row.category): row
        for row in LibraryCategory.objects.filter(source=CategorySource.ASSISTANCE, valid_to__isnull=True)
        .select_related("person")
        .iterator(chunk_size=5000)
    }
    opened = [
        LibraryCategory(
            person=persons[id_number],
            category=program,
            source=CategorySource.ASSISTANCE,
            valid_from=member.start_month,
            reference=f"enrolment:{member.enrolment_id}",
        )
        for (id_number, program), member in in_force.items()
        if (id_number, program) not in open_rows
    ]
    LibraryCategory.objects.bulk_create(opened, batch_size=2000)
    ended = [row.pk for key, row in open_rows.items() if key not in in_force]
    LibraryCategory.objects.filter(pk__in=ended).update(valid_to=on)
    return SyncSummary(len(persons), len(opened), len(ended))


@transaction.atomic
def register_proactive(
    user, *, id_number: str, name: str, division_code: str, note: str, household_number: str = "", on: date
) -> LibraryCategory:
    """主动发现登记: community staff record a person in difficulty; the person enters the library at once."""
    require(user, Capability.HANDLE_WARNINGS)
    try:
        number = parse_resident_id(id_number).number
    except MinzhengError as exc:
        raise MonitoringError(exc.message, field="id_number") from None
    if not name.strip():
        raise MonitoringError("请填写姓名", field="name")
    if len(division_code or "") != 12 or not division_code.isdigit():
        raise MonitoringError("请选择居住地（12位区划代码）", field="division_code")
    if not covers(user.division_code, division_code):
        raise MonitoringError("居住地不在您的管辖范围内", field="division_code")
    if not note.strip():
        raise MonitoringError("请填写困难情况说明", field="note")
    # Only a household of the user's own jurisdiction is linked (and shown): another region's stays unknown.
    households = scope(Household.objects.all(), user)
    household = households.filter(head__id_number=number, dissolved_on__isnull=True).first()
    if household is None:
        household = households.filter(
            memberships__person__id_number=number, memberships__valid_to__isnull=True
        ).first()
    person = _upsert_persons(
        {
            number: {
                "name": name.strip(),
                "birth_date": parse_resident_id(number).birth_date,
                "division_code": division_code,
                "household": household,
                "household_key": registry_household_key(household.pk)
                if household
                else f"P{household_number.strip() or number}",
                "household_number": household.number if household else household_number.strip(),
                "area": household.area_type if household else "",
            }
        }
    )[number]
    category, created = LibraryCategory.objects.get_or_create(
        person=person,
        category=Category.PROACTIVE,
        source=CategorySource.PROACTIVE,
        valid_to__isnull=True,
        defaults={"valid_from": on, "note": note.strip()[:500], "recorded_by": user},
    )
    if not created:
        raise MonitoringError("该人员已作为主动发现对象在库，无需重复登记", field="id_number")
    record_event(
        user,
        AuditEvent.CREATE,
        object_type="monitoring_library_person",
        object_id=person.pk,
        division_code=division_code,
        summary=f"主动发现登记：{person.name}（{note.strip()[:60]}）",
    )
    return category
