"""python manage.py demo_onestop [--residents N]: 全市通办 demo data in 七道街道 (run ``demo`` first)."""

from django.core.management.base import BaseCommand

from minzheng.onestop import demo


class Command(BaseCommand):
    help = "生成全市通办演示数据（居民账号、各环节办件、好差评、12345工单），可复现"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260701)
        parser.add_argument("--residents", type=int, default=50)

    def handle(self, *args, seed, residents, **options):
        if demo.demo_loaded():
            self.stdout.write("全市通办演示数据已存在，跳过")
            return
        s = demo.load_demo(seed=seed, count=residents)
        self.stdout.write(
            f"全市通办演示数据：居民账号{s.residents}个、办件{s.applications}件、12345工单{s.tickets}件"
        )
