"""python manage.py load_policy — ship every domain's declared parameter versions and the 节假日 calendar."""

from django.core.management.base import BaseCommand

from minzheng.policy.services.seed import load_policy


class Command(BaseCommand):
    help = "载入各业务声明的政策参数缺省值和2020–2026年节假日（可重复运行）"

    def handle(self, *args, **options):
        result = load_policy()
        self.stdout.write(f"政策参数库：新增参数 {result.parameters}，节假日 {result.holidays}")
