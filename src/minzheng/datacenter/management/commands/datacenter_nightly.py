"""Nightly: 数据质量检查 over the whole registry and 社会救助 enrolments on the batch engine."""

from datetime import date

from django.core.management.base import BaseCommand

from ...services.quality import run_quality


class Command(BaseCommand):
    help = "数据中心夜间任务：数据质量检查（评分、问题清单）"

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args, today=None, **options):
        run = run_quality(today)
        self.stdout.write(f"数据质量检查 {run.run_on:%Y-%m-%d}：检查 {run.checked} 条，问题 {run.failed} 条")
