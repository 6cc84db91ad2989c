"""python manage.py load_assistance_policy — ship 社会救助 programs, parameters, standards and holidays."""

from django.core.management.base import BaseCommand

from minzheng.assistance.services.seed import load_assistance_policy


class Command(BaseCommand):
    help = "载入社会救助项目、政策参数缺省值、规划载明的保障标准和2020–2026年节假日（可重复运行）"

    def handle(self, *args, **options):
        result = load_assistance_policy()
        self.stdout.write(
            f"社会救助政策数据：新增项目 {result.programs}，参数 {result.parameters}，"
            f"标准 {result.standards}，节假日 {result.holidays}"
        )
