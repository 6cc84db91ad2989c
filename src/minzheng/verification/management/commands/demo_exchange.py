"""python manage.py demo_exchange [--seed N]: synthetic department deliveries for the demo population."""

from django.core.management.base import BaseCommand

from minzheng.verification.demo import deliver_demo_exchange


class Command(BaseCommand):
    help = "为演示人口生成部门共享数据（税务、人社、银行、不动产、车辆等，合成数据）"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260101)
        parser.add_argument("--division", default="2106", help="区划代码前缀（默认丹东市 2106）")

    def handle(self, *args, seed, division, **options):
        accepted = deliver_demo_exchange(division, seed=seed)
        summary = "，".join(f"{name} {count}行" for name, count in accepted.items())
        self.stdout.write(f"演示用部门数据已交付：{summary}")
