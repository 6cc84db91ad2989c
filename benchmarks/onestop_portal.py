"""Benchmark: the resident portal's status page (办件进度) under 50 concurrent residents (issue 23: p95 < 300 ms
for 1M residents on PostgreSQL).

Seeds ``--residents`` portal accounts, each with one 办件 and its progress steps (set-based, into the configured
database: ``DATABASE_URL`` or the SQLite default under ``MINZHENG_VAR_DIR``), opens a session for each of
``--users`` of them, starts gunicorn on 127.0.0.1 (never another host) and lets ``--users`` threads — one per
resident, each with its own cookie — fetch their status page for ``--seconds``. locust is not in the venv, so a
small threaded client (urllib, one connection per request) does the load. Baseline in the same run: ``/healthz``
under the same load. Prints p50/p95/p99, requests per second and the ratio to the baseline.

    MINZHENG_VAR_DIR=/tmp/bench-var .venv/bin/python manage.py migrate
    MINZHENG_VAR_DIR=/tmp/bench-var .venv/bin/python benchmarks/onestop_portal.py --residents 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/onestop_portal.py --residents 1000000
"""

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minzheng.settings")
LIMIT_MS = 300
HOST = "127.0.0.1"
MARK = "压测"


def seed(residents: int, batch: int = 5000) -> None:
    """``residents`` accounts with one 办件 each (skipped when already there)."""
    from django.contrib.auth.hashers import make_password

    from minzheng.core.identity import make_resident_id
    from minzheng.onestop.models import AppEvent, Application, Matter, Resident
    from minzheng.onestop.services.catalogue import load_matters

    load_matters()
    have = Resident.objects.filter(name=MARK).count()
    if have >= residents:
        return
    matter = Matter.objects.get(code="temporary_expenditure")
    password = make_password("Bench#Portal2026")
    start = time.perf_counter()
    for first in range(have, residents, batch):
        n = range(first, min(first + batch, residents))
        people = [
            Resident(
                id_number=make_resident_id("210602", date(1940, 1, 1) + timedelta(days=i // 400), (i % 400) * 2 + 1),
                name=MARK, phone="13800000000", password=password,
            )
            for i in n
        ]  # fmt: skip
        Resident.objects.bulk_create(people, batch_size=batch)
        ids = dict(
            Resident.objects.filter(id_number__in=[p.id_number for p in people]).values_list(
                "id_number", "pk"
            )
        )
        apps = [
            Application(
                number=f"YC{i:012d}", matter=matter, resident_id=ids[p.id_number], person_id=0, applicant_name=MARK,
                applicant_id_number=p.id_number, channel="online", status="handling", division_code="210602002000",
                home_division_code="210602000000", submitted_on=date(2026, 3, 2), accepted_on=date(2026, 3, 3),
                due_on=date(2026, 3, 17), reason="压测",
            )
            for i, p in zip(n, people, strict=True)
        ]  # fmt: skip
        Application.objects.bulk_create(apps, batch_size=batch)
        app_ids = Application.objects.filter(number__in=[a.number for a in apps]).values_list("pk", flat=True)
        AppEvent.objects.bulk_create(
            [
                AppEvent(application_id=pk, label=label)
                for pk in app_ids
                for label in ("网上提交申请", "受理")
            ],
            batch_size=batch * 2,
        )
        print(f"  seeded {first + len(n):,} residents ({time.perf_counter() - start:.0f} s)", flush=True)


def sessions(users: int) -> list[tuple[str, int]]:
    from minzheng.onestop.models import Application, Resident
    from minzheng.onestop.services.residents import start_session

    chosen = list(Resident.objects.filter(name=MARK).order_by("?").values_list("pk", flat=True)[:users])
    out = []
    for pk in chosen:
        resident = Resident.objects.get(pk=pk)
        app = Application.objects.filter(resident=resident).values_list("pk", flat=True).first()
        out.append((start_session(resident), app))
    return out


def load(url_of, cookies, seconds: float) -> list[float]:
    times: list[float] = []
    errors = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(i):
        token, app = cookies[i]
        request_url = url_of(app)
        while time.perf_counter() < stop:
            request = urllib.request.Request(request_url, headers={"Cookie": f"mz_resident={token}"})
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
                    ok = response.status == 200
            except Exception as error:
                ok = False
                errors.append(str(error))
            elapsed = (time.perf_counter() - t0) * 1000
            with lock:
                times.append(elapsed if ok else float("inf"))

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(cookies))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"  errors: {len(errors)} (first: {errors[0]})")
    return times


def summary(name: str, times: list[float], seconds: float) -> float:
    ok = sorted(t for t in times if t != float("inf"))
    q = statistics.quantiles(ok, n=100) if len(ok) > 1 else [ok[0] if ok else 0] * 99
    print(
        f"{name}: {len(times)} requests, {len(times) - len(ok)} failed, {len(times) / seconds:.1f} req/s, "
        f"p50 {q[49]:.0f} ms, p95 {q[94]:.0f} ms, p99 {q[98]:.0f} ms"
    )
    return q[94]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=20_000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    print(f"database: {connection.vendor}; seeding {args.residents:,} residents …", flush=True)
    seed(args.residents)
    cookies = sessions(args.users)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "minzheng.wsgi:application", "--chdir", str(ROOT / "src"),
         "--bind", f"{HOST}:{args.port}", "--workers", str(args.workers), "--threads", "8", "--log-level", "warning"],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )  # fmt: skip
    base = f"http://{HOST}:{args.port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        load(lambda app: f"{base}/public/onestop/me/applications/{app}/", cookies[:2], 2)  # warm up
        baseline = summary(
            "baseline /healthz", load(lambda app: f"{base}/healthz", cookies, args.seconds), args.seconds
        )
        p95 = summary(
            "status page", load(lambda app: f"{base}/public/onestop/me/applications/{app}/", cookies, args.seconds),
            args.seconds,
        )  # fmt: skip
        verdict = "within" if p95 < LIMIT_MS else "OVER"
        print(
            f"p95 {p95:.0f} ms vs limit {LIMIT_MS} ms: {verdict}; {p95 / max(baseline, 1):.1f}× the /healthz baseline"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
