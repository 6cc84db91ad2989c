"""每日监测 for the scheduler (cron/systemd timer): the registry's deaths first (the deceased leave the library),
then the incremental run up to today, then escalation."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from minzheng.core.views.common import parse_date
from minzheng.monitoring.services.deaths import consume_registry_changes
from minzheng.monitoring.services.runs import run_day


class Command(BaseCommand):
    help = "运行每日低收入人口动态监测（增量；同一天重复运行不重复预警）"

    def add_arguments(self, parser):
        parser.add_argument("--until", help="事件截止日期 YYYY-MM-DD（默认今天）")
        parser.add_argument("--engine", default="duckdb", choices=["duckdb", "spark"])
        parser.add_argument("--full", action="store_true", help="全量重新评估")

    def handle(self, *args, until=None, engine="duckdb", full=False, **options):
        deaths = consume_registry_changes()
        if deaths.processed:
            self.stdout.write(
                f"登记变更 {deaths.processed} 条：退出监测人员类别 {deaths.categories_ended} 个，提示预警 {deaths.warnings_noted} 条"
            )
        run = run_day(None, until=parse_date(until) or timezone.localdate(), engine=engine, full=full)
        self.stdout.write(
            f"监测批次 {run.pk}：监测 {run.population} 人，命中 {run.found} 条，新增预警 {run.created} 条，{run.seconds} 秒"
        )
