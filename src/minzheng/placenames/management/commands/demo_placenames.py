"""python manage.py demo_placenames [--seed N --count N]: 区划地名 demo data in 丹东 (run ``demo`` first)."""

from django.core.management.base import BaseCommand

from minzheng.placenames.demo import world


class Command(BaseCommand):
    help = "生成区划地名演示数据（区划变更史、约2000条标准地名、振安区与宽甸、凤城的界线和界桩），可复现"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20261201)
        parser.add_argument("--count", type=int, default=2000)

    def handle(self, *args, seed, count, **options):
        if world.demo_loaded():
            self.stdout.write("区划地名演示数据已存在，跳过")
            return
        s = world.load_demo(seed=seed, count=count)
        self.stdout.write(
            f"区划地名演示数据：区划变更{s.changes}项、标准地名{s.names}条、界线{s.lines}条、界桩{s.markers}个、待审批申请{s.applications}件"
        )
