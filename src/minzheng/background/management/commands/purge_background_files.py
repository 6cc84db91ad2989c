"""Delete the files of 后台任务 finished more than ``--days`` ago (default 7): generated reports and prints are
made again in seconds, and keeping copies of personal data longer than needed is what 等保 asks us not to do.
Schedule it daily beside ``purge_exchange``."""

from django.core.management.base import BaseCommand

from ...services import purge_files


class Command(BaseCommand):
    help = "删除超过保留期的后台任务结果文件"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args, days: int, **options):
        removed = purge_files(older_than_days=max(0, days))
        self.stdout.write(f"已删除{removed}个后台任务结果文件")
