"""python manage.py demo_planning — demo monitoring data for 丹东 (after ``demo`` and ``load_plans``)."""

from django.core.management.base import BaseCommand

from minzheng.planning.demo import load_demo_planning


class Command(BaseCommand):
    help = "为丹东市规划生成演示监测数据（各县区指标填报并审核、任务和项目进展、民政报表），已有则跳过"

    def handle(self, *args, **options):
        created = load_demo_planning()
        self.stdout.write(
            f"规划监测演示数据：新增指标填报 {created} 条"
            if created
            else "规划监测演示数据已存在或缺少演示用户，跳过"
        )
