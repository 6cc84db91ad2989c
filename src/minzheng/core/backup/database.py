"""The database half of a backup, per engine: a consistent dump, a restore into an empty database, and row
counts read from one snapshot (so the manifest describes exactly what the dump holds).

PostgreSQL: ``pg_dump --format=custom`` inside an exported snapshot (``pg_export_snapshot``) that the counts
are read in too; ``pg_restore --single-transaction`` so a failed restore leaves the database as empty as it
was. SQLite: the online backup API (readers and writers may go on during it); the counts are read from the
copy. Only portable SQL is used (information_schema, quoted identifiers) — Kingbase/openGauss ship pg_dump
compatible tools.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator (Chinese)."""


@dataclass(frozen=True)
class Database:
    """Where to dump from or restore into (the ``DATABASES`` entry, or a path/name given on the command line)."""

    engine: str  # "postgresql" | "sqlite"
    name: str  # PostgreSQL database name, or the SQLite file
    host: str = ""
    port: str = ""
    user: str = ""
    password: str = ""

    @classmethod
    def from_settings(cls, entry: dict) -> Database:
        engine = entry["ENGINE"].rsplit(".", 1)[-1]
        if engine == "sqlite3":
            return cls("sqlite", str(entry["NAME"]))
        if engine in ("postgresql", "postgis"):
            return cls(
                "postgresql",
                entry["NAME"],
                str(entry.get("HOST") or ""),
                str(entry.get("PORT") or ""),
                entry.get("USER") or "",
                entry.get("PASSWORD") or "",
            )
        raise BackupError(f"不支持备份此数据库引擎：{entry['ENGINE']}")

    def libpq_env(self) -> dict[str, str]:
        """The connection as libpq environment variables: the password never appears on a command line."""
        pairs = {
            "PGHOST": self.host,
            "PGPORT": self.port,
            "PGUSER": self.user,
            "PGPASSWORD": self.password,
            "PGDATABASE": self.name,
        }
        return {**os.environ, **{key: value for key, value in pairs.items() if value}}

    def connect(self):
        if self.engine == "sqlite":
            return sqlite3.connect(self.name)
        env = self.libpq_env()
        return psycopg.connect(
            dbname=self.name,
            host=env.get("PGHOST") or None,
            port=env.get("PGPORT") or None,
            user=env.get("PGUSER") or None,
            password=env.get("PGPASSWORD") or None,
        )


def table_names(cursor, engine: str) -> list[str]:
    if engine == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    else:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    return sorted(row[0] for row in cursor.fetchall())


def row_counts(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # names come from the catalogue, never from input
        counts[table] = cursor.fetchone()[0]
    return counts


def last_migrations(cursor) -> dict[str, str]:
    cursor.execute("SELECT app, MAX(name) FROM django_migrations GROUP BY app")
    return dict(cursor.fetchall())


@dataclass(frozen=True)
class Snapshot:
    tables: dict[str, int]
    migrations: dict[str, str]


def dump(database: Database, destination: Path, *, live_sqlite=None) -> Snapshot:
    """Write ``destination`` and describe it. ``live_sqlite`` is the open sqlite3 connection of the running
    process, when there is one (an in-memory database can only be copied through it)."""
    if database.engine == "sqlite":
        return _dump_sqlite(database, destination, live_sqlite)
    return _dump_postgresql(database, destination)


def _dump_sqlite(database: Database, destination: Path, live) -> Snapshot:
    source = live or sqlite3.connect(database.name)
    target = sqlite3.connect(destination)
    try:
        source.backup(target)
        cursor = target.cursor()
        tables = table_names(cursor, "sqlite")
        return Snapshot(row_counts(cursor, tables), last_migrations(cursor))
    finally:
        target.close()
        if live is None:
            source.close()


def _dump_postgresql(database: Database, destination: Path) -> Snapshot:
    with database.connect() as connection:
        connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        cursor = connection.cursor()
        tables = table_names(cursor, "postgresql")
        described = Snapshot(row_counts(cursor, tables), last_migrations(cursor))
        # The snapshot lives as long as this transaction: pg_dump must run before it ends.
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={destination}",
            ],
            database,
            "pg_dump",
        )
        connection.rollback()
    return described


def ensure_empty(database: Database) -> None:
    """A restore goes only into an empty database: it never merges into, or overwrites, a live one."""
    if database.engine == "sqlite" and not Path(database.name).exists():
        return
    with closing_connection(database) as connection:
        tables = table_names(connection.cursor(), database.engine)
    if tables:
        raise BackupError(
            f"目标数据库 {database.name} 不是空库（已有 {len(tables)} 张表）：请恢复到新建的空数据库"
        )


def restore(database: Database, dumped: Path) -> None:
    if database.engine == "sqlite":
        target = Path(database.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = target.with_name(target.name + ".restoring")
        source, copy = sqlite3.connect(dumped), sqlite3.connect(staging)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        staging.replace(target)  # atomic: the database file is the old (empty) one or the whole copy
        return
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={database.name}",
            str(dumped),
        ],
        database,
        "pg_restore",
    )


def counts_in(database: Database, tables: list[str]) -> dict[str, int]:
    with closing_connection(database) as connection:
        cursor = connection.cursor()
        present = set(table_names(cursor, database.engine))
        return row_counts(cursor, [table for table in tables if table in present])


@contextmanager
def closing_connection(database: Database) -> Iterator:
    connection = database.connect()
    try:
        yield connection
    finally:
        connection.close()


def _run(command: list[str], database: Database, tool: str) -> None:
    try:
        done = subprocess.run(command, env=database.libpq_env(), capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"找不到 {tool}：请安装与数据库服务器同版本的 PostgreSQL 客户端工具") from None
    if done.returncode != 0:
        raise BackupError(f"{tool} 失败（退出码 {done.returncode}）：{done.stderr.strip()[-500:]}")
