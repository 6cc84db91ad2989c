"""python manage.py demo_assistance [--seed N]: 社会救助 caseload and workflow cases for the demo population."""

from django.core.management.base import BaseCommand

from minzheng.assistance.demo import load_demo_assistance
from minzheng.assistance.services.dynamic import consume_registry_changes, schedule_reviews


class Command(BaseCommand):
    help = "为演示人口生成社会救助数据：在保对象（金额按规则计算）及各办理环节的案件"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260101)

    def handle(self, *args, seed, **options):
        result = load_demo_assistance(seed=seed)
        if result.get("skipped"):
            self.stdout.write("已有救助对象数据（或缺少演示用户），未重复生成")
        else:
            summary = "，".join(f"{k} {v}" for k, v in result.items())
            self.stdout.write(f"社会救助演示数据已生成：{summary}")
        consumed = consume_registry_changes()
        reviews = schedule_reviews()
        self.stdout.write(
            f"登记变更已处理 {consumed.processed} 条（待办 {consumed.tasks}），复核待办 {reviews} 条"
        )
