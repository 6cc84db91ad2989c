"""python manage.py demo_funds: 资金项目监督 demo data in 丹东 (run ``demo`` and ``demo_payments`` first)."""

from django.core.management.base import BaseCommand

from minzheng.funds.demo import ledger, lottery


class Command(BaseCommand):
    help = "生成资金项目监督演示数据（丹东2025–2026年资金、下达、按花名册记账、比对疑点，福彩网点与销售），可重复运行"

    def add_arguments(self, parser):
        parser.add_argument("--outlets", type=int, default=350)

    def handle(self, *args, outlets, **options):
        if ledger.demo_loaded():
            self.stdout.write("资金项目监督演示数据已存在，跳过")
            return
        self.stdout.write(ledger.load_demo())
        self.stdout.write(lottery.load_outlets(count=outlets))
