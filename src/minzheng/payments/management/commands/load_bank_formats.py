from django.core.management.base import BaseCommand

from minzheng.payments.services.seed import load_bank_formats


class Command(BaseCommand):
    help = "载入内置的银行代发文件格式（幂等；已存在的格式不覆盖）"

    def handle(self, *args, **options):
        created = load_bank_formats()
        self.stdout.write(f"银行代发格式：新增 {created} 个")
