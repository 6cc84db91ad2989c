"""Make the audit log append-only in the database itself: UPDATE and DELETE on core_auditevent fail,
whoever issues them (raw SQL, another application, a careless admin).

The test suite turns them off (``AUDIT_APPEND_ONLY_TRIGGERS``) because Django empties tables between
live-server tests; ``tests/core/test_audit.py`` installs them inside a rolled-back transaction instead.
"""

from django.conf import settings
from django.db import migrations

SQLITE = [
    "CREATE TRIGGER core_auditevent_no_update BEFORE UPDATE ON core_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;",
    "CREATE TRIGGER core_auditevent_no_delete BEFORE DELETE ON core_auditevent "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;",
]
SQLITE_REVERSE = ["DROP TRIGGER core_auditevent_no_update;", "DROP TRIGGER core_auditevent_no_delete;"]

POSTGRES = [
    """CREATE FUNCTION core_auditevent_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql;""",
    "CREATE TRIGGER core_auditevent_no_change BEFORE UPDATE OR DELETE ON core_auditevent "
    "FOR EACH ROW EXECUTE FUNCTION core_auditevent_append_only();",
    # TRUNCATE bypasses row triggers; refuse it too.
    "CREATE TRIGGER core_auditevent_no_truncate BEFORE TRUNCATE ON core_auditevent "
    "FOR EACH STATEMENT EXECUTE FUNCTION core_auditevent_append_only();",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER core_auditevent_no_truncate ON core_auditevent;",
    "DROP TRIGGER core_auditevent_no_change ON core_auditevent;",
    "DROP FUNCTION core_auditevent_append_only();",
]


def install(connection) -> None:
    statements = POSTGRES if connection.vendor == "postgresql" else SQLITE
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def forwards(apps, schema_editor):
    if settings.AUDIT_APPEND_ONLY_TRIGGERS:
        install(schema_editor.connection)


def backwards(apps, schema_editor):
    if not settings.AUDIT_APPEND_ONLY_TRIGGERS:
        return
    statements = POSTGRES_REVERSE if schema_editor.connection.vendor == "postgresql" else SQLITE_REVERSE
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
