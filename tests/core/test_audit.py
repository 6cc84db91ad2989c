"""审计日志: every write and every sensitive read leaves an append-only trace."""

import importlib
import threading

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction

from minzheng.core.models import AuditChainHead, AuditEvent
from minzheng.core.services.audit import record_event
from minzheng.core.services.audit_chain import verify_chain

from .factories import PASSWORD

audit_migration = importlib.import_module("minzheng.core.migrations.0004_audit_hash_chain")


@pytest.fixture
def logged_in(client, county_caseworker):
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    return client


def test_the_model_refuses_to_change_or_delete_an_event(db):
    event = AuditEvent.objects.create(action="login", username="x")
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


def test_database_triggers_refuse_update_and_delete_behind_the_orm(db):
    event = AuditEvent.objects.create(action="login", username="x")
    audit_migration.install(connection)  # inside the test's transaction: rolled back afterwards
    for statement in (
        f"UPDATE core_auditevent SET username = 'y' WHERE id = {event.pk}",
        f"DELETE FROM core_auditevent WHERE id = {event.pk}",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert AuditEvent.objects.get(pk=event.pk).username == "x"


def test_audit_log_overwrite_by_insert_over_an_existing_id_is_refused(db):
    """Issue 14, item 7: ``INSERT OR REPLACE`` (SQLite) / ``ON CONFLICT DO UPDATE`` (PostgreSQL) replaced a row."""
    event = AuditEvent.objects.create(action="login", username="x")
    audit_migration.install(connection)
    columns = (
        "(id, at, username, action, object_type, object_id, division_code, summary, prev_hash, row_hash)"
    )
    values = f"({event.pk}, '2026-01-01 00:00:00', 'forged', 'login', '', '', '', '', '', '')"
    statements = [f"INSERT INTO core_auditevent {columns} VALUES {values}"]
    if connection.vendor == "sqlite":
        statements += [f"INSERT OR REPLACE INTO core_auditevent {columns} VALUES {values}"]
    else:
        statements += [
            f"INSERT INTO core_auditevent {columns} VALUES {values} "
            "ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username"
        ]
    for statement in statements:
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert AuditEvent.objects.get(pk=event.pk).username == "x"
    record_event(None, "login", username="still-appends")  # the trigger lets ordinary appends through
    assert verify_chain().intact


def test_audit_hash_chain_links_each_row_to_the_one_before(db):
    first = record_event(None, "login", username="a")
    second = record_event(None, "export", username="b", before={"amount": "1.50"}, after={"n": 1})
    assert second.prev_hash == first.row_hash and len(second.row_hash) == 64
    head = AuditChainHead.objects.get()
    assert (head.last_id, head.last_hash) == (second.pk, second.row_hash)
    assert verify_chain().checked == AuditEvent.objects.count()


def test_audit_hash_chain_bulk_appends_are_chained(db):
    AuditEvent.objects.bulk_create([AuditEvent(action="create", username=f"u{i}") for i in range(5)])
    assert verify_chain().intact and verify_chain().checked == 5


def _tamper(sql: str) -> None:
    # Triggers are off in the test database; this plays an attacker who got around them.
    with connection.cursor() as cursor:
        cursor.execute(sql)


def test_verify_audit_chain_reports_the_first_changed_row(db):
    events = [record_event(None, "login", username=f"u{i}") for i in range(4)]
    call_command("verify_audit_chain")
    _tamper(f"UPDATE core_auditevent SET summary = 'changed' WHERE id = {events[1].pk}")
    _tamper(f"UPDATE core_auditevent SET summary = 'changed' WHERE id = {events[2].pk}")
    with pytest.raises(CommandError, match=f"id={events[1].pk}"):
        call_command("verify_audit_chain")


def test_verify_audit_chain_finds_a_removed_row_and_a_removed_tail(db):
    events = [record_event(None, "login", username=f"u{i}") for i in range(4)]
    _tamper(f"DELETE FROM core_auditevent WHERE id = {events[3].pk}")
    report = verify_chain()
    assert report.broken_id == events[2].pk and "末尾" in report.reason
    _tamper(f"DELETE FROM core_auditevent WHERE id = {events[1].pk}")
    assert verify_chain().broken_id == events[2].pk


def test_existing_rows_get_a_chain_on_migration(db):
    events = [record_event(None, "login", username=f"u{i}", after={"k": i}) for i in range(3)]
    _tamper("UPDATE core_auditevent SET prev_hash = '', row_hash = ''")
    AuditChainHead.objects.all().delete()
    assert not verify_chain().intact

    class Editor:
        connection = connection

    audit_migration.chain_existing_rows(apps, Editor())
    report = verify_chain()
    assert report.intact and report.checked == len(events)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="concurrent writers need PostgreSQL")
def test_audit_hash_chain_holds_under_concurrent_appends():
    def append(n):
        try:
            for i in range(15):
                with transaction.atomic():
                    record_event(None, "login", username=f"t{n}-{i}")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=append, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    report = verify_chain()
    assert report.intact and report.checked == 60


def test_viewing_a_person_and_revealing_the_id_number_are_audited(logged_in, household, county_caseworker):
    head = household.head
    logged_in.get(f"/registry/persons/{head.pk}/")
    response = logged_in.post(f"/registry/persons/{head.pk}/id-number/")
    assert head.id_number in response.content.decode()
    actions = list(
        AuditEvent.objects.filter(object_type="person", object_id=str(head.pk)).values_list("action", "user")
    )
    assert ("read_detail", county_caseworker.pk) in actions and (
        "read_id_number",
        county_caseworker.pk,
    ) in actions
    assert AuditEvent.objects.filter(action="read_id_number").first().ip == "127.0.0.1"


def test_a_registry_write_records_before_and_after(logged_in, household):
    member = household.memberships.exclude(relation="01").first().person
    logged_in.post(
        f"/registry/persons/{member.pk}/death/", {"death_date": "2026-01-05", "reason": "死亡医学证明"}
    )
    event = AuditEvent.objects.get(action="update", object_type="person", object_id=str(member.pk))
    assert event.before["is_deceased"] is False and event.after["is_deceased"] is True
    assert event.after["death_date"] == "2026-01-05"


def test_leaders_cannot_reveal_full_id_numbers(client, city_leader, household):
    client.post("/login/", {"username": city_leader.username, "password": PASSWORD})
    response = client.post(f"/registry/persons/{household.head.pk}/id-number/")
    assert response.status_code == 403
    assert household.head.id_number not in response.content.decode()


def test_audit_viewer_filters_and_exports_for_the_audit_administrator(
    client, audit_admin, household, county_caseworker
):
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    client.get(f"/registry/households/{household.pk}/")
    client.post("/logout/")
    client.post("/login/", {"username": audit_admin.username, "password": PASSWORD})
    page = client.get("/audit/", {"action": "read_detail"}).content.decode()
    assert "查看家庭" in page and "登录" not in page.split("<tbody>")[1]
    export = client.get("/audit/", {"action": "read_detail", "export": "xlsx"})
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_caseworkers_cannot_open_the_audit_viewer(logged_in):
    assert logged_in.get("/audit/").status_code == 403
