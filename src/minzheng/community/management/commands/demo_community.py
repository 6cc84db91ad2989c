"""python manage.py demo_community [--seed N]: 基层治理 demo data in 元宝区 (run ``demo`` first)."""

from django.core.management.base import BaseCommand

from minzheng.community.demo import committees as demo


class Command(BaseCommand):
    help = (
        "生成基层治理演示数据（元宝区村（居）委会、服务设施、社区工作者、网格、村务公开和2026年换届），可复现"
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20261201)
        parser.add_argument("--grid-households", type=int, default=400)

    def handle(self, *args, seed, grid_households, **options):
        if demo.demo_loaded():
            self.stdout.write("基层治理演示数据已存在，跳过")
            return
        s = demo.load_demo(seed=seed, grid_households=grid_households)
        self.stdout.write(
            f"基层治理演示数据：村（居）委会{s.committees}个、服务设施{s.centres}处、社区工作者{s.workers}人、"
            f"网格{s.grids}个、网格事件{s.events}件、换届选举{s.rounds}个（已选举{s.held}个）"
        )
