"""审计日志: every write and every sensitive read leaves an append-only trace."""

import importlib

import pytest
from django.db import DatabaseError, connection, transaction

from minzheng.core.models import AuditEvent

from .factories import PASSWORD

audit_migration = importlib.import_module("minzheng.core.migrations.0002_audit_append_only")


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


def test_audit_viewer_filters_and_exports_for_the_administrator(
    client, sysadmin, household, county_caseworker
):
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    client.get(f"/registry/households/{household.pk}/")
    client.post("/logout/")
    client.post("/login/", {"username": sysadmin.username, "password": PASSWORD})
    page = client.get("/audit/", {"action": "read_detail"}).content.decode()
    assert "查看家庭" in page and "登录" not in page.split("<tbody>")[1]
    export = client.get("/audit/", {"action": "read_detail", "export": "xlsx"})
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_caseworkers_cannot_open_the_audit_viewer(logged_in):
    assert logged_in.get("/audit/").status_code == 403
