"""死亡信息登记: entered at the desk or received as a file — each death of a registered person becomes the
registry's dated 死亡 change, and 社会救助 and 养老服务 follow it through their own cursors."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from python_calamine import CalamineWorkbook

from minzheng.assistance.models import WorkTask
from minzheng.assistance.selectors.entitlements import entitlements_for_month
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.errors import PermissionDenied
from minzheng.core.jurisdiction import NOT_REGISTRABLE_HERE
from minzheng.core.models import AuditEvent, RegistryChange
from minzheng.core.spreadsheets import Sheet, error_report, write_workbook
from minzheng.eldercare.models import HardshipElder, Residency, VisitAssignment
from minzheng.eldercare.services import hardship, residents
from minzheng.eldercare.services.registry_changes import consume_registry_changes
from minzheng.funeral.errors import FuneralConflict, InvalidFuneralInput
from minzheng.funeral.models import DeathImport, DeathRecord
from minzheng.funeral.services.death_import import COLUMNS, import_deaths
from minzheng.funeral.services.deaths import UnidentifiedInput, record_certificate, record_unidentified
from minzheng.payments.selectors import roster_payments
from tests.assistance.casework import approved_case, desks
from tests.core.factories import HouseholdFactory, make_user
from tests.eldercare.factories import make_elder, make_institution

from .factories import certificate, csv_of, row_of

pytestmark = pytest.mark.django_db
TODAY = date(2026, 8, 10)


def _paid(month):
    return {e.household_id: (e.monthly_amount, e.persons) for e in entitlements_for_month(month)}


def test_a_certificate_for_a_registered_person_becomes_the_registry_death_change(desk, household):
    person = household.memberships.exclude(person=household.head).first().person
    record = record_certificate(desk, certificate(person), today=TODAY)
    person.refresh_from_db()
    change = RegistryChange.objects.get(pk=record.registry_change_id)
    assert (person.is_deceased, person.death_date) == (True, date(2026, 7, 20))
    assert (change.kind, change.effective_date, change.person_id) == (
        "deceased",
        date(2026, 7, 20),
        person.pk,
    )
    assert record.division_code == person.residence_division_code and record.sex == person.sex
    assert AuditEvent.objects.filter(object_type="funeral.deathrecord", object_id=str(record.pk)).exists()


def test_the_same_person_or_certificate_cannot_be_recorded_twice(desk, household):
    person = household.head
    first = certificate(person)
    record_certificate(desk, first, today=TODAY)
    with pytest.raises(FuneralConflict):
        record_certificate(
            desk, certificate(person, certificate_number=first.certificate_number), today=TODAY
        )
    with pytest.raises(InvalidFuneralInput) as error:
        record_certificate(desk, certificate(person), today=TODAY)
    assert error.value.field == "id_number" and "已登记死亡" in error.value.message
    assert RegistryChange.objects.filter(kind="deceased").count() == 1


def test_a_home_death_certified_by_a_hospital_is_refused_naming_the_field(desk, household):
    with pytest.raises(InvalidFuneralInput) as error:
        record_certificate(desk, certificate(household.head, death_place="home"), today=TODAY)
    assert error.value.field == "issuer_kind" and "社区卫生服务机构" in error.value.message


def test_another_countys_resident_is_answered_neutrally(other_desk, household):
    with pytest.raises(InvalidFuneralInput) as error:
        record_certificate(other_desk, certificate(household.head), today=TODAY)
    assert error.value.message == NOT_REGISTRABLE_HERE
    household.head.refresh_from_db()
    assert not household.head.is_deceased


def test_a_person_not_in_the_registry_is_recorded_without_a_change(desk, divisions):
    from tests.core.factories import valid_id

    record = record_certificate(
        desk, certificate(None, id_number=valid_id(birth=date(1950, 1, 2)), name="外地老人"), today=TODAY
    )
    assert (
        record.person is None
        and record.registry_change_id is None
        and "人口库中无此人" in record.registry_note
    )


def test_only_caseworkers_record_deaths(divisions, household):
    leader = make_user("leader", "210602000000", username="yb_ld")
    with pytest.raises(PermissionDenied):
        record_certificate(leader, certificate(household.head), today=TODAY)


def test_an_unidentified_body_is_recorded_on_the_police_documents(desk, divisions):
    data = UnidentifiedInput(
        police_document_number="丹公（元）验字〔2026〕18号", issuer_name="丹东市公安局元宝分局",
        issued_on=date(2026, 7, 3), death_date=date(2026, 7, 1), found_division_code="210602002001",
        death_place="other", cause="unnatural", body_description="男性，约60岁，江边发现",
    )  # fmt: skip
    record = record_unidentified(desk, data, today=TODAY)
    assert record.unidentified and record.issuer_kind == "police" and record.id_number == ""
    assert not RegistryChange.objects.filter(kind="deceased").exists()
    with pytest.raises(FuneralConflict):
        record_unidentified(desk, data, today=TODAY)


# --- files from 卫健/公安 ------------------------------------------------------------------------------


def test_a_file_is_imported_once_and_resending_it_changes_nothing(desk, divisions):
    a, b = HouseholdFactory(size=1), HouseholdFactory(size=1)
    data = csv_of([row_of(a.head, "E0001"), row_of(b.head, "E0002", died="2026-07-18")])
    batch = import_deaths(
        desk, data=data, file_name="7月死亡.csv", source_department="丹东市卫健委", today=TODAY
    )
    again = import_deaths(
        desk, data=data, file_name="7月死亡.csv", source_department="丹东市卫健委", today=TODAY
    )
    assert (batch.status, batch.rows_added, again.pk) == ("accepted", 2, batch.pk)
    # the same rows in another file (a department resending its month with one more): unchanged, one added
    c = HouseholdFactory(size=1)
    more = csv_of(
        [row_of(a.head, "E0001"), row_of(b.head, "E0002", died="2026-07-18"), row_of(c.head, "E0003")]
    )
    second = import_deaths(
        desk, data=more, file_name="7月死亡（补）.csv", source_department="丹东市卫健委", today=TODAY
    )
    assert (second.rows_added, second.rows_unchanged) == (1, 2)
    assert RegistryChange.objects.filter(kind="deceased").count() == 3


def test_one_bad_row_rejects_the_whole_file_with_row_and_column_in_chinese(desk, divisions):
    a, b = HouseholdFactory(size=1), HouseholdFactory(size=1)
    rows = [
        row_of(a.head, "E0101"),
        row_of(b.head, "E0102", 死亡地点="家中"),  # hospital certifying a home death
        row_of(b.head, "E0103", 死亡日期="2026/13/40"),
        row_of(a.head, "E0101"),
    ]
    batch = import_deaths(
        desk, data=csv_of(rows), file_name="bad.csv", source_department="卫健委", today=TODAY
    )
    assert batch.status == DeathImport.REJECTED
    found = {(e["row"], e["column"]) for e in batch.errors}
    assert {(3, "签发机构类别"), (4, "死亡日期"), (5, "死亡医学证明编号"), (4, "公民身份号码")} <= found
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e["message"]) for e in batch.errors)
    assert not DeathRecord.objects.exists() and not RegistryChange.objects.filter(kind="deceased").exists()
    report = CalamineWorkbook.from_filelike(io.BytesIO(error_report(batch.errors))).get_sheet_by_index(0)
    assert report.to_python()[0] == ["行号", "列", "错误说明"]


def test_an_xlsx_file_with_notes_above_the_header_is_read(desk, divisions):
    a = HouseholdFactory(size=1)
    data = write_workbook(
        [Sheet("死亡信息", list(COLUMNS), [row_of(a.head, "X0001")], notes=["说明"], text_columns=(0, 5))]
    )
    batch = import_deaths(desk, data=data, file_name="deaths.xlsx", source_department="公安局", today=TODAY)
    assert batch.status == "accepted" and batch.rows_added == 1


def test_a_file_that_is_not_a_table_is_rejected_in_chinese(desk, divisions):
    batch = import_deaths(
        desk, data=b"\x00\x01garbage", file_name="x.csv", source_department="卫健委", today=TODAY
    )
    assert batch.status == "rejected" and batch.errors[0]["row"] is None


# --- end to end: the death stops benefits and eldercare follows ------------------------------------------


def test_a_death_certificate_stops_the_dibao_of_a_one_person_household_from_the_next_month(divisions):
    load_assistance_policy()
    caseworker, reviewer, approver = desks()
    alone = HouseholdFactory(size=1)
    approved_case(caseworker, reviewer, approver, alone)
    assert alone.pk in _paid(date(2026, 8, 1))
    data = csv_of([row_of(alone.head, "E0201", died="2026-08-20", issued="2026-08-21")])
    import_deaths(
        caseworker, data=data, file_name="8月.csv", source_department="卫健委", today=date(2026, 8, 24)
    )
    call_command("assistance_daily", verbosity=0)
    # died on the 20th: August is paid, nothing from September
    assert alone.pk in _paid(date(2026, 8, 1)) and alone.pk not in _paid(date(2026, 9, 1))
    task = WorkTask.objects.get(kind=WorkTask.REGISTRY)
    assert task.household_id == alone.pk and task.status == WorkTask.OPEN and "停保" in task.title


def test_a_members_death_reduces_the_benefit_and_opens_the_household_review(household):
    load_assistance_policy()
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household, income="300.00")
    member = household.memberships.exclude(person=household.head).first().person
    record_certificate(caseworker, certificate(member, death_date=date(2026, 5, 20), issued_on=date(2026, 5, 21), certificate_form="paper"), today=date(2026, 5, 22))  # fmt: skip
    call_command("assistance_daily", verbosity=0)
    assert _paid(date(2026, 5, 1))[household.pk] == (Decimal("1089.00"), 3)
    assert _paid(date(2026, 6, 1))[household.pk] == (Decimal("726.00"), 2)
    task = WorkTask.objects.get(kind=WorkTask.REGISTRY)
    assert task.status == WorkTask.OPEN and "复核" in task.detail


def test_eldercare_discharges_the_resident_and_ends_the_hardship_register_once(desk, divisions):
    elder = make_elder()
    home = make_institution(desk)
    residents.admit(
        desk, institution=home, person=elder, admitted_on=date(2026, 1, 5), bed_kind="nursing",
        care_grade="grade1", funding="self", monthly_fee=Decimal("3000"),
    )  # fmt: skip
    registered = hardship.register_elder(
        desk, person=elder, categories=["alone"], registered_on=date(2026, 1, 2)
    )
    VisitAssignment.objects.create(elder=registered, month=date(2026, 9, 1), assigned_to=desk, division_code=registered.division_code)  # fmt: skip
    record_certificate(
        desk, certificate(elder, death_place="care_home", issuer_kind="community"), today=TODAY
    )
    first = consume_registry_changes()
    again = consume_registry_changes()
    stay = Residency.objects.get(person=elder)
    ended = HardshipElder.objects.get(person=elder)
    assert (stay.discharged_on, stay.discharge_reason) == (date(2026, 7, 20), "death")
    assert (ended.ended_on, ended.end_reason) == (date(2026, 7, 20), "去世")
    assert not VisitAssignment.objects.filter(month=date(2026, 9, 1)).exists()
    assert (first.discharged, first.elders_ended, again.processed) == (1, 1, 0)


def test_a_death_entered_after_the_payroll_was_paid_is_deducted_in_the_next_roster_never_silently(divisions):
    """A late certificate (died 20 May, recorded after June's roster was approved): June's payment is deducted
    (扣发, the 追回 of the month paid after death) as a line of July's roster."""
    from minzheng.payments.models import LineKind
    from minzheng.payments.services.approval import approve_roster, submit_roster
    from minzheng.payments.services.generation import generate_roster
    from minzheng.payments.services.seed import load_bank_formats
    from tests.payments.conftest import enrol

    load_assistance_policy()
    load_bank_formats()
    caseworker = make_user("caseworker", "210602000000", username="yb_jb")
    approver = make_user("approver", "210602000000", username="yb_sp")
    alone = HouseholdFactory(size=1)
    enrolment = enrol(caseworker, alone, amount="663.00", persons=1)
    june = generate_roster(caseworker, program_code="dibao_urban", division_code="210602000000", month=date(2026, 6, 1)).roster  # fmt: skip
    submit_roster(caseworker, june)
    approve_roster(approver, june)
    record_certificate(
        caseworker, certificate(alone.head, death_date=date(2026, 5, 20), issued_on=date(2026, 5, 21), certificate_form="paper"),
        today=date(2026, 6, 25),
    )  # fmt: skip
    call_command("assistance_daily", verbosity=0)
    july = generate_roster(caseworker, program_code="dibao_urban", division_code="210602000000", month=date(2026, 7, 1)).roster  # fmt: skip
    lines = {(line.enrolment_id, line.kind, line.for_month): line.amount for line in july.lines.all()}
    assert lines == {(enrolment.pk, LineKind.DEDUCTION, date(2026, 6, 1)): Decimal("-663.00")}
    # nothing left to net it against: not sent to the bank, kept on the 花名册 for 追回
    payable, to_recover = roster_payments(july)
    assert not payable and [p.amount for p in to_recover] == [Decimal("-663.00")]
    # and the caseworker's task says so
    task = WorkTask.objects.get(kind=WorkTask.REGISTRY, household_id=alone.pk)
    assert "停保" in task.title and "追回" in task.detail and "2026-06" in task.detail


def test_a_death_entered_in_time_asks_for_no_recovery(divisions):
    """Died on the 20th, entered before the next month: nothing was paid after the death, no 追回 note."""
    from minzheng.assistance.services.dynamic import consume_registry_changes as assistance_consumes

    load_assistance_policy()
    caseworker, reviewer, approver = desks()
    alone = HouseholdFactory(size=1)
    approved_case(caseworker, reviewer, approver, alone)
    record_certificate(
        caseworker, certificate(alone.head, death_date=date(2026, 8, 20), issued_on=date(2026, 8, 21), certificate_form="electronic"),
        today=date(2026, 8, 24),
    )  # fmt: skip
    assistance_consumes(today=date(2026, 8, 24))
    task = WorkTask.objects.get(kind=WorkTask.REGISTRY)
    assert "发放至 2026-08" in task.detail and "追回" not in task.detail


def test_monitoring_takes_the_deceased_out_of_the_library_and_notes_open_warnings(desk, household):
    """动态监测 follows the registry's 死亡 change with its own cursor: every open category ends on the date of
    death, an open warning about the person gets a step (never closed silently), a second run does nothing."""
    from minzheng.monitoring.models import LibraryCategory, LibraryPerson
    from minzheng.monitoring.services.deaths import consume_registry_changes as monitoring_consumes

    head = household.head
    person = LibraryPerson.objects.create(
        id_number=head.id_number, name=head.name, division_code=household.residence_division_code,
        household=household, household_key=f"h{household.pk}",
    )  # fmt: skip
    for category, source in (("dibao_urban", "assistance"), ("fangpin", "import")):
        LibraryCategory.objects.create(
            person=person, category=category, source=source, valid_from=date(2025, 1, 1)
        )
    record_certificate(desk, certificate(head), today=TODAY)
    first = monitoring_consumes()
    again = monitoring_consumes()
    ended = set(LibraryCategory.objects.values_list("category", "valid_to"))
    assert ended == {("dibao_urban", date(2026, 7, 20)), ("fangpin", date(2026, 7, 20))}
    assert (first.categories_ended, again.processed) == (2, 0)
