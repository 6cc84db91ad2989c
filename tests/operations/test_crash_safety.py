"""Crash safety (issue 27, "kill -9"): the real processes — the web server under gunicorn, the ``db_worker``
task worker, ``manage.py`` commands — are killed with SIGKILL once they have started writing (the harness
waits for the first write statement into the job's table and sees the open transaction from outside, see
``crash_probe``). After the restart: nothing half-written (counts and totals as before), the interrupted job
failed or resumed, the same action again gives the complete result exactly once, and the audit chain
verifies (``manage.py verify_audit_chain``). Runs on whichever database the suite runs on."""

import socket

import pytest

from tests.core.factories import PASSWORD

from .crash_harness import WebServer, csrf_token, manage, shared_world, wait_for
from .roster_files import roster_xlsx

pytestmark = pytest.mark.django_db(transaction=True)

REGISTRY = (
    "SELECT (SELECT COUNT(*) FROM core_person), (SELECT COUNT(*) FROM core_household), "
    "(SELECT COUNT(*) FROM core_householdmembership), "
    "(SELECT COUNT(*) FROM core_importbatch WHERE status = 'committed')"
)


def _audit_chain_verifies(world) -> None:
    manage(world, "verify_audit_chain")


def _upload_roster(server, session, data: bytes, name: str = "花名册.xlsx"):
    page = session.get(f"{server.base}/registry/import/", timeout=30)
    return session.post(
        f"{server.base}/registry/import/",
        data={"csrfmiddlewaretoken": csrf_token(page.text)},
        files={"file": (name, data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")},
        headers={"Referer": f"{server.base}/registry/import/"},
        timeout=300,
    )


def test_web_server_killed_mid_roster_import_leaves_nothing_and_the_file_imports_once(
    county_caseworker, tmp_path
):
    """花名册导入 "whole file or nothing, idempotent": the server dies after the first batch of persons is
    written; the registry is as before, the same file then imports completely, and a third upload of it
    changes nothing."""
    households = 700
    data = roster_xlsx(households)
    world = shared_world(tmp_path)
    before = world.read(REGISTRY)[0]

    server = WebServer(world, crash_table="core_person")
    session = server.login(county_caseworker.username, PASSWORD)
    page = session.get(f"{server.base}/registry/import/", timeout=30)
    upload = _Background(
        lambda: session.post(
            f"{server.base}/registry/import/",
            data={"csrfmiddlewaretoken": csrf_token(page.text)},
            files={"file": ("花名册.xlsx", data)},
            headers={"Referer": f"{server.base}/registry/import/"},
            timeout=300,
        )
    )
    try:
        server.process.kill_when_writing()
    finally:
        server.stop()
    upload.join()
    assert world.read(REGISTRY)[0] == before

    server = WebServer(world)
    try:
        session = server.login(county_caseworker.username, PASSWORD)
        done = _upload_roster(server, session, data)
        assert "导入成功" in done.text, done.text[:2000]
        complete = (
            before[0] + 3 * households,
            before[1] + households,
            before[2] + 3 * households,
            before[3] + 1,
        )
        assert world.read(REGISTRY)[0] == complete
        again = _upload_roster(server, session, data)
        assert "本次未作任何更改" in again.text
        assert world.read(REGISTRY)[0] == complete
    finally:
        server.stop()
    _audit_chain_verifies(world)


def test_an_upload_cut_half_way_leaves_nothing_behind(county_caseworker, tmp_path):
    """A request whose multipart body stops half-way (the client's connection closed) writes no row and
    leaves no uploaded file; the server keeps serving and the same file, sent whole, imports."""
    data = roster_xlsx(50)
    world = shared_world(tmp_path)
    before = world.read(REGISTRY)[0]
    batches = "SELECT COUNT(*) FROM core_importbatch"
    batches_before = world.one(batches)
    server = WebServer(world)
    try:
        session = server.login(county_caseworker.username, PASSWORD)
        page = session.get(f"{server.base}/registry/import/", timeout=30)
        token = csrf_token(page.text)
        boundary = "----crash-test-boundary"
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        cookies = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
        head = (
            f"POST /registry/import/ HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n"
            f"Cookie: {cookies}\r\nReferer: {server.base}/registry/import/\r\nConnection: close\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
            raw.sendall(head + body[: len(body) // 2])
        # the worker notices the closed connection; until it has, the next request would queue behind it
        wait_for(
            lambda: session.get(f"{server.base}/registry/import/", timeout=30).status_code == 200,
            "the server",
        )
        assert world.read(REGISTRY)[0] == before
        assert world.one(batches) == batches_before
        leftovers = [p for p in world.var.rglob("*") if p.is_file() and "roster" in p.name]
        assert leftovers == []
        done = _upload_roster(server, session, data, "roster.xlsx")
        assert "导入成功" in done.text
    finally:
        server.stop()
    _audit_chain_verifies(world)


class _Background:
    """A request sent from a thread (it never gets an answer: the server is killed meanwhile)."""

    def __init__(self, call):
        import threading

        self.error = None
        self._thread = threading.Thread(target=self._run, args=(call,), daemon=True)
        self._thread.start()

    def _run(self, call):
        try:
            call()
        except Exception as exc:  # the connection is reset by the kill
            self.error = exc

    def join(self):
        self._thread.join(60)
        assert not self._thread.is_alive()
