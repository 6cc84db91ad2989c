"""python manage.py demo_monitoring: 低收入人口动态监测 demo data for the 丹东 demo population."""

from django.core.management.base import BaseCommand

from minzheng.monitoring.demo import demo_loaded, load_demo_monitoring


class Command(BaseCommand):
    help = "生成低收入人口动态监测演示数据（在保家庭、防返贫名单、部门事件、预警及处置进度）"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260101)
        parser.add_argument("--if-empty", action="store_true", help="已有监测数据时跳过")

    def handle(self, *args, seed, if_empty, **options):
        if if_empty and demo_loaded():
            self.stdout.write("已有监测演示数据，跳过")
            return
        summary = load_demo_monitoring(seed=seed)
        events = "，".join(f"{name} {count}行" for name, count in summary.events.items())
        self.stdout.write(
            f"监测演示数据：纳入在保 {summary.enrolled} 户，导入防返贫 {summary.imported} 人，部门事件 {events}，"
            f"预警 {summary.warnings} 条"
        )
