"""Benchmark: the plan cockpit's figures (规划监测), on the database the settings point at.

Needs ``make db`` (divisions of 辽宁 at least, the assistance policy and the seed plans); ``demo_planning``
adds entered values. Times, after one warm-up, ``monitoring.plan_progress`` for the 辽宁 and 丹东 plans
(every bound indicator: value, trend since 2020, projection, status) and, as the baseline measured in the
same run, the 低保 average-standard figure computed the straightforward way — one ``standard_in_force``
call (own policy book) per county — against ``standard_in_force_for_each`` (one book for all counties).

    MINZHENG_VAR_DIR=/tmp/ind_demo .venv/bin/python benchmarks/planning_cockpit.py
"""

import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minzheng.settings")


def timed(function, repeat: int = 3) -> float:
    function()  # warm-up (URL conf, imports)
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - start) / repeat


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from minzheng.assistance.errors import StandardNotFound
    from minzheng.assistance.services.in_force import standard_in_force, standard_in_force_for_each
    from minzheng.core.selectors.divisions import descendant_codes
    from minzheng.planning.attainment import plan_progress
    from minzheng.planning.models import Plan

    for code in ("210000000000", "210600000000"):
        plan = Plan.objects.filter(division_code=code).first()
        if plan is None:
            sys.exit("seed plans missing: run make db first")
        seconds = timed(lambda plan=plan: plan_progress(plan, 2025))
        with CaptureQueriesContext(connection) as queries:
            items = plan_progress(plan, 2025)
        print(f"cockpit {plan.region_name}: {len(items)} indicators, {seconds:.2f} s, {len(queries)} queries")

    counties = descendant_codes("210000000000", 3)
    day = date(2025, 12, 31)

    def naive():
        found = []
        for county in counties:
            try:
                found.append(standard_in_force(county, "dibao", day, area="urban"))
            except StandardNotFound:  # a county without a standard is skipped, as the source does
                found.append(None)
        return found

    def one_book():
        return standard_in_force_for_each(counties, "dibao", "urban", day)

    baseline, ours = timed(naive), timed(one_book)
    print(
        f"城市低保标准 of {len(counties)} counties of 辽宁: per-county calls {baseline * 1000:.0f} ms, "
        f"one policy book {ours * 1000:.0f} ms, ratio {baseline / ours:.1f}x"
    )


if __name__ == "__main__":
    main()
