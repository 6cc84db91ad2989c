"""python manage.py demo_payments: a prepared, approved and paid roster and a draft for the demo county."""

from django.core.management.base import BaseCommand

from minzheng.payments.demo import load_payroll_demo


class Command(BaseCommand):
    help = "资金发放演示数据：上月城市低保花名册（已审核、已回盘、含发放失败）和本月草稿（元宝区）"

    def add_arguments(self, parser):
        parser.add_argument("--households", type=int, default=300, help="尚无在保对象时纳入的演示家庭数")

    def handle(self, *args, households, **options):
        self.stdout.write(load_payroll_demo(households=households))
