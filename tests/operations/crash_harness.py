"""The crash harness: real Minzheng processes (``manage.py`` commands, the ``db_worker`` task worker, the web
server under gunicorn on 127.0.0.1) started against a database the test process can also read — a file
SQLite copy of the test database, or the PostgreSQL test database itself — and killed with SIGKILL once
they have started writing (``crash_probe``)."""

from __future__ import annotations

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PASSWORD_FIELD = "password"


@dataclass
class World:
    """Where the real processes run: their database URL, data directory and a reader of that database."""

    url: str
    var: Path
    path: Path | None = None  # the SQLite file
    env: dict = field(default_factory=dict)

    def __post_init__(self):
        self.env = {
            **os.environ, "DATABASE_URL": self.url, "MINZHENG_VAR_DIR": str(self.var),
            "MINZHENG_TASKS": "database", "MINZHENG_AUDIT_TRIGGERS": "0",
        }  # fmt: skip
        self.env.pop("DJANGO_SETTINGS_MODULE", None)
        self.env.pop("MINZHENG_CRASH_TABLE", None)

    def read(self, sql: str, params=()) -> list[tuple]:
        if self.path is not None:
            with sqlite3.connect(self.path) as conn:
                return conn.execute(sql, params).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("?", "%s"), params)
            return cursor.fetchall()

    def one(self, sql: str, params=()):
        return self.read(sql, params)[0][0]

    def write_in_progress(self, table: str) -> bool:
        """True while another process holds an open transaction that has written to ``table`` (PostgreSQL:
        its row-exclusive lock; SQLite: the database's write lock)."""
        if self.path is not None:
            conn = sqlite3.connect(self.path, timeout=0)
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                return "locked" in str(exc)
            else:
                conn.rollback()
                return False
            finally:
                conn.close()
        rows = self.read(
            "SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "WHERE c.relname = %s AND l.mode = 'RowExclusiveLock' AND l.pid <> pg_backend_pid()",
            (table,),
        )
        return rows[0][0] > 0


def shared_world(tmp_path: Path) -> World:
    """A database other processes can open, holding what the test committed so far (ADR 16's crash test)."""
    var = tmp_path / "var"
    var.mkdir(exist_ok=True)
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return World(f"sqlite:///{path}", var, path)
    user = settings_dict["USER"] or "postgres"
    host, port = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432
    return World(f"postgres://{user}@{host}:{port}/{settings_dict['NAME']}", var)


def wait_for(predicate, what: str, seconds: float = 120, every: float = 0.02):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what}")


class Process:
    """One real process in its own process group (so SIGKILL takes the whole server, as a power cut does)."""

    def __init__(self, world: World, program: str, *args: str, crash_table: str = "", crash_after: int = 1):
        self.marker = world.var / f"crash-{time.monotonic_ns()}.pid"
        env = dict(world.env)
        if crash_table:
            env.update(
                MINZHENG_CRASH_TABLE=crash_table,
                MINZHENG_CRASH_MARKER=str(self.marker),
                MINZHENG_CRASH_AFTER=str(crash_after),
            )
        self.table = crash_table
        self.log = world.var / f"process-{time.monotonic_ns()}.log"
        self._log = self.log.open("w")
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "tests.operations.crash_probe", program, *args], cwd=ROOT, env=env,
            stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.world = world

    def output(self) -> str:
        self._log.flush()
        return self.log.read_text()

    def wait(self, seconds: float = 300) -> int:
        try:
            return self.popen.wait(seconds)
        finally:
            self._log.flush()

    def kill_when_writing(self, seconds: float = 120) -> None:
        """Wait until the process has written into its table inside an open transaction, then SIGKILL it."""
        wait_for(lambda: self.marker.exists() or self.popen.poll() is not None, "the first write", seconds)
        assert self.marker.exists(), f"the process ended before writing:\n{self.output()}"
        assert self.world.write_in_progress(self.table), "no open write transaction seen"
        self.kill()

    def kill(self) -> None:
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(30)
        self._log.close()


def manage(world: World, *args: str, timeout: float = 300) -> str:
    """Run a management command to its end in a fresh process; returns its output (asserting success)."""
    process = Process(world, "manage.py", *args)
    code = process.wait(timeout)
    out = process.output()
    assert code == 0, out
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebServer:
    """gunicorn serving ``minzheng.wsgi`` on 127.0.0.1 at a free port (one sync worker)."""

    def __init__(self, world: World, *, crash_table: str = ""):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = Process(
            world, "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--timeout", "300",
            "--chdir", str(ROOT), "minzheng.wsgi", crash_table=crash_table,
        )  # fmt: skip
        try:
            wait_for(self._up, "the web server to answer", 120, 0.1)
        except BaseException:
            self.process.kill()
            raise

    def _up(self) -> bool:
        assert self.process.popen.poll() is None, self.process.output()
        try:
            return requests.get(f"{self.base}/login/", timeout=30).status_code == 200
        except (requests.ConnectionError, requests.Timeout):
            return False

    def login(self, username: str, password: str) -> requests.Session:
        session = requests.Session()
        page = session.get(f"{self.base}/login/", timeout=10)
        answer = session.post(
            f"{self.base}/login/",
            data={
                "username": username,
                PASSWORD_FIELD: password,
                "csrfmiddlewaretoken": csrf_token(page.text),
            },
            headers={"Referer": f"{self.base}/login/"},
            timeout=30,
        )
        assert answer.status_code == 200 and "/login/" not in answer.url, answer.text[:500]
        return session

    def token(self, username: str, password: str) -> str:
        answer = requests.post(
            f"{self.base}/api/auth/token", json={"username": username, "password": password}, timeout=30
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["token"]

    def stop(self) -> None:
        self.process.kill()


def csrf_token(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)
