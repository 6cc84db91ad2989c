"""python manage.py marriage_daily: the nightly job of 婚姻登记 (idempotent; run after the registry's changes)."""

from django.core.management.base import BaseCommand

from minzheng.marriage.services.deaths import consume_registry_changes
from minzheng.marriage.services.divorces import close_lapsed_applications, recompute_provisional_windows


class Command(BaseCommand):
    help = (
        "婚姻登记每日任务：节假日安排载入后重算暂算的冷静期期限；离婚申请期满未申请发证的视为撤回；"
        "按人口登记的死亡变更终止婚姻（丧偶）"
    )

    def handle(self, *args, **options):
        recounted = recompute_provisional_windows()
        lapsed = close_lapsed_applications()
        deaths = consume_registry_changes()
        self.stdout.write(
            f"重算冷静期期限{recounted}件；视为撤回的离婚登记申请{lapsed}件；"
            f"处理登记变更{deaths.processed}条，因一方死亡终止婚姻{deaths.ended}件"
        )
