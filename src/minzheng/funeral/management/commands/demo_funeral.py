"""python manage.py demo_funeral [--seed N]: 殡葬管理 demo data (run ``demo`` and ``demo_assistance`` first)."""

from django.core.management.base import BaseCommand

from minzheng.funeral import demo


class Command(BaseCommand):
    help = "生成殡葬管理演示数据（殡仪馆、服务清单、一年的死亡登记、服务订单与惠民殡葬减免），可复现"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260301)
        parser.add_argument("--deaths", type=int, default=150)

    def handle(self, *args, seed, deaths, **options):
        if demo.demo_loaded():
            self.stdout.write("殡葬管理演示数据已存在，跳过")
            return
        s = demo.load_demo(seed=seed, deaths=deaths)
        self.stdout.write(
            f"殡葬管理演示数据：死亡登记{s.deaths}例（无名尸体{s.unidentified}例）、服务订单{s.orders}份、惠民减免{s.waived_orders}份"
        )
