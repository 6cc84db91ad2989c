"""python manage.py demo_disability: 两项补贴 demo data over the core demo population (run ``demo`` and
``demo_assistance`` first)."""

from django.core.management.base import BaseCommand

from minzheng.disability import demo


class Command(BaseCommand):
    help = "生成残疾人两项补贴演示数据（残联残疾人证数据、各环节申请、跨省通办申请、发放、变更任务）"

    def handle(self, *args, **options):
        if demo.demo_loaded():
            self.stdout.write("两项补贴演示数据已存在，跳过")
            return
        s = demo.load_demo()
        self.stdout.write(
            f"两项补贴演示数据：残疾人证{s.certificates}份、申请{s.applications}件、发放中{s.paying}件、变更任务{s.tasks}件"
        )
