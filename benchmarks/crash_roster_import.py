"""Benchmark: kill -9 of the web server in the middle of a 100,000-row 花名册导入 (issue 27, crash safety).

On a fresh database (SQLite file, or PostgreSQL with ``--database-url``, dropped and recreated): a county
caseworker, a roster of 33,334 households × 3 = 100,002 rows; gunicorn on 127.0.0.1 is killed with SIGKILL
right after the import's first batch of persons is written (``tests/operations/crash_probe``). Then checks
what the crash tests check — the registry as before, the same file imported completely by a restarted
server and a third upload changing nothing, the audit chain intact — and prints the times: the import's
recovery run beside a clean import of another file of the same size in the same run (the baseline).

    .venv/bin/python benchmarks/crash_roster_import.py                      # SQLite, 100,002 rows
    .venv/bin/python benchmarks/crash_roster_import.py --households 5000
    .venv/bin/python benchmarks/crash_roster_import.py --database-url postgres://postgres@127.0.0.1:5432/minzheng_crash_bench
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default="")
    parser.add_argument("--households", type=int, default=33_334)
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="mz-crash-bench-"))
    if args.database_url:
        base, name = args.database_url.rsplit("/", 1)
        import psycopg

        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        url, path = args.database_url, None
    else:
        path = scratch / "bench.sqlite3"
        url = f"sqlite:///{path}"
    os.environ.update(DATABASE_URL=url, MINZHENG_VAR_DIR=str(scratch / "var"), MINZHENG_AUDIT_TRIGGERS="0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minzheng.settings")
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    import django

    django.setup()
    from django.core.management import call_command
    from tests.core.factories import PASSWORD, make_divisions, make_user
    from tests.operations.crash_harness import WebServer, World, manage
    from tests.operations.roster_files import roster_xlsx
    from tests.operations.test_crash_safety import REGISTRY, _Background, _upload_roster

    call_command("migrate", verbosity=0)
    make_divisions()
    user = make_user("caseworker", "210602000000", username="bench_jb")
    data, other = roster_xlsx(args.households), roster_xlsx(args.households, offset=args.households)
    rows = 3 * args.households
    world = World(url, scratch / "var", path)
    before = world.read(REGISTRY)[0]
    print(
        f"roster: {rows:,} rows, {len(data) / 1e6:.1f} MB; database {'PostgreSQL' if path is None else 'SQLite'}"
    )

    server = WebServer(world, crash_table="core_person")
    session = server.login(user.username, PASSWORD)
    started = time.perf_counter()
    upload = _Background(lambda: _upload_roster(server, session, data))
    try:
        server.process.kill_when_writing(seconds=1800)
    finally:
        server.stop()
    upload.join()
    killed_after = time.perf_counter() - started
    assert world.read(REGISTRY)[0] == before, "half-written rows after the kill"

    server = WebServer(world)
    try:
        session = server.login(user.username, PASSWORD)
        started = time.perf_counter()
        assert "导入成功" in _upload_roster(server, session, data).text
        recovery = time.perf_counter() - started
        complete = world.read(REGISTRY)[0]
        assert complete == (before[0] + rows, before[1] + args.households, before[2] + rows, before[3] + 1)
        started = time.perf_counter()
        assert "本次未作任何更改" in _upload_roster(server, session, data).text
        repeat = time.perf_counter() - started
        assert world.read(REGISTRY)[0] == complete
        started = time.perf_counter()
        assert "导入成功" in _upload_roster(server, session, other).text
        baseline = time.perf_counter() - started
    finally:
        server.stop()
    manage(world, "verify_audit_chain")

    print(f"{'step':<58} {'seconds':>8}")
    print(f"{'upload until the kill (first batch of persons written)':<58} {killed_after:>8.2f}")
    print(
        f"{'re-import of the same file after the crash':<58} {recovery:>8.2f}   ({rows / recovery:,.0f} rows/s)"
    )
    print(f"{'third upload of the same file (recognised, no change)':<58} {repeat:>8.2f}")
    print(
        f"{'baseline: clean import of another file of the same size':<58} {baseline:>8.2f}   ({rows / baseline:,.0f} rows/s)"
    )
    print(
        f"after the kill: 0 rows written; after recovery: {rows:,} rows once; audit chain verified; "
        f"recovery/baseline = {recovery / baseline:.2f}"
    )


if __name__ == "__main__":
    main()
