"""Close the audit log against overwriting (issue 14, item 7).

- A BEFORE INSERT trigger refuses a row whose id already exists: SQLite's ``INSERT OR REPLACE`` deletes the
  old row without firing DELETE triggers, so the UPDATE/DELETE triggers of 0002 did not stop it.
- A hash chain (``core.audit_chain``): every row stores the previous row's hash and its own; existing rows
  are chained here, in id order, and the chain head is recorded.

The append-only triggers are dropped for the duration (adding the columns rebuilds the table on SQLite and
the backfill is an UPDATE) and installed again, all of them, at the end. ``install`` is also what
``tests/core/test_audit.py`` uses inside a rolled-back transaction.
"""

import json

import django.utils.timezone
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models

from minzheng.core.audit_chain import GENESIS, row_digest

_REFUSE = "SELECT RAISE(ABORT, 'audit log is append-only')"
SQLITE = [
    f"CREATE TRIGGER core_auditevent_no_update BEFORE UPDATE ON core_auditevent BEGIN {_REFUSE}; END;",
    f"CREATE TRIGGER core_auditevent_no_delete BEFORE DELETE ON core_auditevent BEGIN {_REFUSE}; END;",
    "CREATE TRIGGER core_auditevent_no_replace BEFORE INSERT ON core_auditevent "
    f"WHEN EXISTS (SELECT 1 FROM core_auditevent WHERE id = NEW.id) BEGIN {_REFUSE}; END;",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS core_auditevent_no_update;",
    "DROP TRIGGER IF EXISTS core_auditevent_no_delete;",
    "DROP TRIGGER IF EXISTS core_auditevent_no_replace;",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql;""",
    """CREATE OR REPLACE FUNCTION core_auditevent_no_existing_id() RETURNS trigger AS $$
    BEGIN
        IF EXISTS (SELECT 1 FROM core_auditevent WHERE id = NEW.id) THEN
            RAISE EXCEPTION 'audit log is append-only';
        END IF;
        RETURN NEW;
    END; $$ LANGUAGE plpgsql;""",
    "CREATE TRIGGER core_auditevent_no_change BEFORE UPDATE OR DELETE ON core_auditevent "
    "FOR EACH ROW EXECUTE FUNCTION core_auditevent_append_only();",
    "CREATE TRIGGER core_auditevent_no_truncate BEFORE TRUNCATE ON core_auditevent "
    "FOR EACH STATEMENT EXECUTE FUNCTION core_auditevent_append_only();",
    "CREATE TRIGGER core_auditevent_no_replace BEFORE INSERT ON core_auditevent "
    "FOR EACH ROW EXECUTE FUNCTION core_auditevent_no_existing_id();",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS core_auditevent_no_change ON core_auditevent;",
    "DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent;",
    "DROP TRIGGER IF EXISTS core_auditevent_no_replace ON core_auditevent;",
]


def _run(connection, statements) -> None:
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def install(connection) -> None:
    _run(connection, POSTGRES if connection.vendor == "postgresql" else SQLITE)


def drop(connection) -> None:
    _run(connection, POSTGRES_DROP if connection.vendor == "postgresql" else SQLITE_DROP)


def drop_triggers(apps, schema_editor):
    drop(schema_editor.connection)


def install_triggers(apps, schema_editor):
    if settings.AUDIT_APPEND_ONLY_TRIGGERS:
        install(schema_editor.connection)


def restore_0002_triggers(apps, schema_editor):
    if settings.AUDIT_APPEND_ONLY_TRIGGERS:
        install(schema_editor.connection)
        replace = POSTGRES_DROP[2] if schema_editor.connection.vendor == "postgresql" else SQLITE_DROP[2]
        _run(schema_editor.connection, [replace])


def _plain(value):
    return None if value is None else json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def chain_existing_rows(apps, schema_editor):
    AuditEvent = apps.get_model("core", "AuditEvent")
    AuditChainHead = apps.get_model("core", "AuditChainHead")
    db = schema_editor.connection.alias
    previous, last_id, batch = GENESIS, 0, []
    for event in AuditEvent.objects.using(db).order_by("id").iterator(chunk_size=2000):
        row = {
            "id": event.id,
            "at": event.at,
            "user_id": event.user_id,
            "username": event.username,
            "ip": event.ip,
            "action": event.action,
            "object_type": event.object_type,
            "object_id": event.object_id,
            "division_code": event.division_code,
            "summary": event.summary,
            "before": _plain(event.before),
            "after": _plain(event.after),
        }
        event.prev_hash = previous
        event.row_hash = previous = row_digest(previous, row)
        last_id = event.id
        batch.append(event)
        if len(batch) >= 2000:
            AuditEvent.objects.using(db).bulk_update(batch, ["prev_hash", "row_hash"])
            batch = []
    AuditEvent.objects.using(db).bulk_update(batch, ["prev_hash", "row_hash"])
    AuditChainHead.objects.using(db).update_or_create(pk=1, defaults={"last_id": last_id, "last_hash": previous})


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_login_throttle'),
    ]

    operations = [
        migrations.RunPython(drop_triggers, restore_0002_triggers),
        migrations.CreateModel(
            name='AuditChainHead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('last_id', models.BigIntegerField(default=0)),
                ('last_hash', models.CharField(default='0000000000000000000000000000000000000000000000000000000000000000', max_length=64)),
            ],
            options={
                'verbose_name': '审计日志链尾',
                'verbose_name_plural': '审计日志链尾',
            },
        ),
        migrations.AddField(
            model_name='auditevent',
            name='prev_hash',
            field=models.CharField(blank=True, default='', max_length=64, verbose_name='前一条哈希'),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='row_hash',
            field=models.CharField(blank=True, default='', max_length=64, verbose_name='本条哈希'),
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='at',
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='时间'),
        ),
        migrations.RunPython(chain_existing_rows, migrations.RunPython.noop),
        migrations.RunPython(install_triggers, drop_triggers),
    ]
