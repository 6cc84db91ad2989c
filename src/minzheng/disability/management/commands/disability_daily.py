"""python manage.py disability_daily: the nightly 两项补贴 job — the registry's changes (死亡, 迁移), 低保 exits and
expired certificates of recipients, and in January the yearly 应补尽补、应退尽退 review. Idempotent."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from minzheng.disability.services.changes import run_daily


class Command(BaseCommand):
    help = "两项补贴每日任务：登记变更、退出低保、证件过期、年度应补尽补核查"

    def handle(self, *args, **options):
        result = run_daily(timezone.localdate())
        self.stdout.write(f"两项补贴：处理登记变更{result['processed']}条，新增任务{result['tasks']}件")
