"""python manage.py recover_background_jobs: put the jobs of dead workers back in the queue (run before a
worker starts — deploy/systemd/minzheng-worker.service, make serve — and every minute from a timer). Apps
whose own task rows need the same (a module ``recovery`` with ``recover() -> str``) are asked too."""

from django.core.management.base import BaseCommand

from minzheng.background.leases import recover_abandoned
from minzheng.core.discovery import app_modules


class Command(BaseCommand):
    help = "将执行进程已退出的后台任务重新排队（超过重试次数的标记为失败）"

    def handle(self, *args, **options):
        requeued, failed = recover_abandoned()
        self.stdout.write(f"后台任务：重新排队 {requeued} 个，终止 {failed} 个")
        for _config, module in app_modules("recovery"):
            self.stdout.write(module.recover())
