"""python manage.py demo_marriage [--seed N]: 婚姻登记 demo data over the core demo users (run ``demo`` first)."""

from django.core.management.base import BaseCommand

from minzheng.marriage import demo


class Command(BaseCommand):
    help = "生成婚姻登记演示数据（丹东两个登记机关，一年的结婚登记和各状态的离婚登记申请），可复现"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260519)

    def handle(self, *args, seed, **options):
        if demo.demo_loaded():
            self.stdout.write("婚姻登记演示数据已存在，跳过")
            return
        s = demo.load_demo(seed=seed)
        states = "，".join(f"{label}{n}件" for label, n in s.divorces.items())
        self.stdout.write(
            f"婚姻登记演示数据：登记机关{s.registries}个，结婚登记{s.marriages}件；离婚登记申请：{states}"
        )
