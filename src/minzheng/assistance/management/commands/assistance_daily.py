"""python manage.py assistance_daily: the 动态管理 jobs a scheduler runs each night (idempotent).

Consumes the registry's changes since the remembered position (death, move out, split → benefits ended or
adjusted from the next month, a task in the caseworker's queue) and creates 复核 tasks that fall due.
"""

from django.core.management.base import BaseCommand

from minzheng.assistance.services.dynamic import consume_registry_changes, schedule_reviews


class Command(BaseCommand):
    help = "社会救助动态管理：处理户籍/人口登记变更，生成到期复核待办（可重复运行）"

    def handle(self, *args, **options):
        result = consume_registry_changes()
        reviews = schedule_reviews()
        self.stdout.write(
            f"登记变更 {result.processed} 条（停保 {result.stopped}、调整 {result.adjusted}、待办 {result.tasks}），"
            f"复核待办 {reviews} 条；已处理至 #{result.position}"
        )
