"""Daily 养老服务 job: act on the registry's changes (deaths discharge residents, close home beds and visits)."""

from django.core.management.base import BaseCommand

from minzheng.eldercare.services.registry_changes import consume_registry_changes


class Command(BaseCommand):
    help = "养老服务每日任务：处理人口登记变更（死亡：离院、撤床、退出特殊困难老年人名册）"

    def handle(self, *args, **options):
        result = consume_registry_changes()
        self.stdout.write(
            f"登记变更 {result.processed} 条：离院 {result.discharged} 人，撤床 {result.beds_closed} 张，"
            f"退出特殊困难老年人名册 {result.elders_ended} 人（撤销探访计划 {result.plans_dropped} 条）"
        )
