"""Runs a real Minzheng process (``manage.py …`` or ``gunicorn …``) with a tripwire for the crash tests.

    python -m tests.operations.crash_probe manage.py monitoring_daily
    python -m tests.operations.crash_probe gunicorn --bind 127.0.0.1:8123 minzheng.wsgi

With ``MINZHENG_CRASH_TABLE`` set, the process writes its pid to ``MINZHENG_CRASH_MARKER`` right after its
``MINZHENG_CRASH_AFTER``-th write statement (INSERT/UPDATE/DELETE/COPY) into that table has executed, and
then holds still with its transaction open until the harness kills it with SIGKILL. So the kill lands
after the job has really started writing — never on a guessed sleep — and the test can also see the open
write from outside (``crash_harness.write_in_progress``). Nothing in the product is changed: the tripwire
wraps Django's cursor and psycopg's COPY in this process only.
"""

import contextlib
import os
import re
import runpy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOLD_SECONDS = 120


def install() -> None:
    table = os.environ.get("MINZHENG_CRASH_TABLE")
    if not table:
        return
    marker = Path(os.environ["MINZHENG_CRASH_MARKER"])
    after = int(os.environ.get("MINZHENG_CRASH_AFTER", "1"))
    statement = re.compile(
        rf'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY)\s+"?{re.escape(table)}"?[\s(]', re.I
    )
    seen = 0

    def written(sql) -> None:
        nonlocal seen
        if isinstance(sql, str) and statement.match(sql):
            seen += 1
            if seen == after:
                marker.write_text(str(os.getpid()))
                time.sleep(HOLD_SECONDS)  # the harness kills this process (SIGKILL) meanwhile

    from django.db.backends import utils

    execute, executemany = utils.CursorWrapper.execute, utils.CursorWrapper.executemany

    def probed_execute(self, sql, params=None):
        result = execute(self, sql, params)
        written(sql)
        return result

    def probed_executemany(self, sql, param_list):
        result = executemany(self, sql, param_list)
        written(sql)
        return result

    utils.CursorWrapper.execute, utils.CursorWrapper.executemany = probed_execute, probed_executemany
    try:
        import psycopg
    except ImportError:  # pragma: no cover - SQLite-only installs
        return
    copy = psycopg.Cursor.copy

    @contextlib.contextmanager
    def probed_copy(self, statement_sql, *args, **kwargs):
        with copy(self, statement_sql, *args, **kwargs) as stream:
            yield stream
        written(str(statement_sql))

    psycopg.Cursor.copy = probed_copy


def main() -> None:
    program, *args = sys.argv[1:]
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minzheng.settings")
    install()
    if program == "gunicorn":
        from gunicorn.app.wsgiapp import run

        sys.argv = ["gunicorn", *args]
        run()
        return
    sys.argv = [str(ROOT / "manage.py"), *args]
    runpy.run_path(str(ROOT / "manage.py"), run_name="__main__")


if __name__ == "__main__":
    main()
