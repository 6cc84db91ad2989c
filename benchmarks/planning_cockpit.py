"""Benchmark: the plan cockpit page (规划驾驶舱) — SQL queries and server time of one page request.

Target (issue 17): ≤ 30 queries and < 500 ms server time for a 20-indicator plan. The leader's home page
(plan status, key figures, 待办) is measured too, as the same leader (the base commit's home page has no
leader panels: its figure shows what they cost). Needs ``make db`` (the
divisions, the assistance policy, the seed plans) and ``make demo`` (entered values, cases, a 丹东 leader).

The page is requested through Django's test client as a logged-in leader (``city_leader`` of 丹东, and a
throw-away 辽宁 leader made for the run and deleted after it), after one warm-up request, three times; the
median time and the query count of one request are printed. The baseline is the same measurement on the
code of the base commit (``--base``, default ``6fa60e3``: before the cockpit's batched reads), exported with
``git archive`` and run in a subprocess against the same database, so both figures come from this run.

    MINZHENG_VAR_DIR=/tmp/demo .venv/bin/python benchmarks/planning_cockpit.py [--base REV | --no-base]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_COMMIT = "6fa60e3"
PLANS = (("210600000000", "city_leader"), ("210000000000", None))
TARGET_QUERIES, TARGET_MS = 30, 500


def measure() -> list[dict]:
    """Runs inside the code tree on ``sys.path``: one record per plan (queries, median ms, indicators)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minzheng.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from minzheng.core.models import Role, User
    from minzheng.planning.models import Plan

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    results = []
    for code, username in PLANS:
        plan = Plan.objects.filter(division_code=code).first()
        if plan is None:
            sys.exit("seed plans missing: run make db first")
        made = None
        user = User.objects.filter(username=username).first() if username else None
        if user is None:
            made = user = User.objects.get_or_create(
                username="bench_cockpit_leader",
                division_code=code,
                defaults={"password_changed_at": timezone.now(), "must_change_password": False},
            )[0]
            user.roles.add(Role.objects.get(code=Role.LEADER))
        try:
            client = Client()
            client.force_login(user)
            # warm-up inside: URL conf, templates, source discovery
            results.append(
                _page(client, f"/planning/plans/{plan.pk}/cockpit/?year=2025", f"cockpit {plan.region_name}")
            )
            results.append(_page(client, "/", f"home page ({plan.region_name} leader)"))
        finally:
            if made is not None:
                made.delete()
    return results


def _page(client, url: str, label: str) -> dict:
    """One page's median time over three requests after a warm-up, and its queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return {"page": label, "queries": len(queries), "ms": statistics.median(times)}


def baseline(rev: str) -> list[dict] | None:
    """The same measurement on the code of ``rev`` (its ``src/`` exported to a temporary directory)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "src"], capture_output=True, check=False
        )
        if archive.returncode != 0:
            print(f"baseline skipped: git archive {rev} failed: {archive.stderr.decode().strip()}")
            return None
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        done = subprocess.run(
            [sys.executable, __file__, "--measure"], env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            print(f"baseline failed:\n{done.stderr[-2000:]}")
            return None
        return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default=BASE_COMMIT, help="commit whose code gives the baseline")
    parser.add_argument("--no-base", action="store_true", help="measure this tree only")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure()))
        return
    sys.path.insert(0, str(ROOT / "src"))
    ours = measure()
    before = None if args.no_base else baseline(args.base)
    for i, now in enumerate(ours):
        line = f"{now['page']}: {now['queries']} queries, {now['ms']:.0f} ms"
        if before:
            old = before[i]
            line += f"  (base {args.base}: {old['queries']} queries, {old['ms']:.0f} ms; time ratio {old['ms'] / now['ms']:.1f})"
        if now["page"].startswith("cockpit"):
            ok = now["queries"] <= TARGET_QUERIES and now["ms"] < TARGET_MS
            line += f"  target ≤{TARGET_QUERIES} queries, <{TARGET_MS} ms: {'met' if ok else 'NOT met'}"
        print(line)


if __name__ == "__main__":
    main()
