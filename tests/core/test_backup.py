"""备份与恢复 on the path an operator runs: ``manage.py backup`` of the live database and data directory, then
``manage.py restore`` in a fresh process into an empty install — counts, records, files and the audit chain
come back; a damaged archive or a non-empty target is refused with nothing written. Runs on whichever
database the suite runs on (SQLite and PostgreSQL in CI)."""

import io
import os
import subprocess
import sys
import tarfile
import uuid
from datetime import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from minzheng.core.backup.database import BackupError, Database, closing_connection, table_names
from minzheng.core.backup.manifest import archive_name, archives_to_delete, count_differences
from minzheng.core.models import Household, Person
from minzheng.core.services.audit import record_event

from .factories import HouseholdFactory

ROOT = Path(__file__).resolve().parents[2]


def test_retention_keeps_the_newest_archives_and_never_touches_other_files():
    names = [f"minzheng-backup-2026120{day}-020000.tar" for day in range(1, 8)] + ["notes.txt"]
    assert archives_to_delete(names, 3) == [
        f"minzheng-backup-2026120{day}-020000.tar" for day in (4, 3, 2, 1)
    ]
    assert archives_to_delete(names, 0) == archives_to_delete(names, 1)  # the newest is always kept


def test_count_differences_name_the_table_in_chinese():
    assert count_differences({"a": 1, "b": 2}, {"a": 1, "b": 3}) == ["b：备份时 2 行，恢复后 3 行"]
    assert count_differences({"a": 1}, {}) == ["a：备份时 1 行，恢复后 无此表 行"]


@pytest.fixture
def empty_target(tmp_path):
    """An empty install: a new database on the same engine and an empty data directory."""
    source = Database.from_settings(connection.settings_dict)
    var_dir = tmp_path / "restored-var"
    if source.engine == "sqlite":
        yield (
            Database("sqlite", str(var_dir / "minzheng.sqlite3")),
            var_dir,
            f"sqlite:///{var_dir}/minzheng.sqlite3",
        )
        return
    name = f"minzheng_restore_{uuid.uuid4().hex[:8]}"
    admin = Database("postgresql", "postgres", source.host, source.port, source.user, source.password)
    with admin.connect() as conn:
        conn.autocommit = True
        conn.execute(f'CREATE DATABASE "{name}"')
    target = Database("postgresql", name, source.host, source.port, source.user, source.password)
    auth = source.user + (f":{source.password}" if source.password else "")
    yield target, var_dir, f"postgres://{auth}@{source.host or '127.0.0.1'}:{source.port or 5432}/{name}"
    with admin.connect() as conn:
        conn.autocommit = True
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _manage(*args, database_url: str, var_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url, "MINZHENG_VAR_DIR": str(var_dir)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_into_an_empty_install_with_counts_records_files_and_audit_chain(
    divisions, county_caseworker, tmp_path, empty_target
):
    for _ in range(3):
        HouseholdFactory(size=3)
    for n in range(5):
        record_event(
            county_caseworker, "test.write", object_type="household", object_id=n, summary=f"第{n}次"
        )
    upload = Path(settings.MEDIA_ROOT) / "uploads" / "证明材料.pdf"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_bytes(b"%PDF-1.4 scanned evidence")
    out = tmp_path / "backups"

    call_command("backup", "--output", str(out), "--keep", "3")

    [archive] = out.glob("minzheng-backup-*.tar")
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and "files/media/uploads/证明材料.pdf" in names
    assert not any(name.startswith(("files/backups", "files/staticfiles")) for name in names)

    target, var_dir, url = empty_target
    done = _manage("restore", str(archive), database_url=url, var_dir=var_dir)
    assert done.returncode == 0, done.stderr
    assert "恢复完成" in done.stdout and "审计日志链完整" in done.stdout

    with target.connect() as restored:
        cursor = restored.cursor()
        cursor.execute("SELECT COUNT(*) FROM core_person")
        assert cursor.fetchone()[0] == Person.objects.count() == 9
        cursor.execute("SELECT number, residence_division_code FROM core_household ORDER BY number")
        assert cursor.fetchall() == list(
            Household.objects.order_by("number").values_list("number", "residence_division_code")
        )
        cursor.execute("SELECT COUNT(*), MAX(row_hash) FROM core_auditevent")
        count, _ = cursor.fetchone()
        assert count >= 5
    assert (var_dir / "media" / "uploads" / "证明材料.pdf").read_bytes() == upload.read_bytes()

    again = _manage("restore", str(archive), database_url=url, var_dir=var_dir)
    assert again.returncode != 0 and "不是空库" in again.stderr


@pytest.mark.django_db(transaction=True)
def test_a_damaged_archive_is_refused_and_the_target_stays_empty(divisions, tmp_path, empty_target):
    HouseholdFactory(size=2)
    out = tmp_path / "backups"
    call_command("backup", "--output", str(out))
    [archive] = out.glob("*.tar")
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as sink:
        for info in source:
            body = source.extractfile(info).read()
            if info.name.startswith("database."):
                body = body[:-64] + bytes(64)
            info.size = len(body)
            sink.addfile(info, io.BytesIO(body))

    target, var_dir, url = empty_target
    done = _manage("restore", str(damaged), database_url=url, var_dir=var_dir)

    assert done.returncode != 0 and "校验和不符" in done.stderr
    assert _tables_in(target) == []


@pytest.mark.django_db
def test_restore_into_the_running_database_is_refused_in_chinese(divisions, tmp_path):
    archive = tmp_path / "x.tar"
    with tarfile.open(archive, "w"):
        pass
    with pytest.raises(CommandError, match="不是本平台的备份"):
        call_command("restore", str(archive))
    with pytest.raises(CommandError, match="找不到备份归档"):
        call_command("restore", str(tmp_path / "missing.tar"))


def test_an_unknown_engine_is_named():
    with pytest.raises(BackupError, match="不支持备份此数据库引擎"):
        Database.from_settings({"ENGINE": "django.db.backends.oracle", "NAME": "x"})


def _tables_in(target: Database) -> list[str]:
    if target.engine == "sqlite" and not Path(target.name).exists():
        return []
    with closing_connection(target) as conn:
        return table_names(conn.cursor(), target.engine)


def test_archive_names_sort_by_time():
    assert archive_name(datetime(2026, 12, 7, 2, 0, 0)) == "minzheng-backup-20261207-020000.tar"
