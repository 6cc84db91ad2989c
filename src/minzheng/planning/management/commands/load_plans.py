"""python manage.py load_plans — the four seed plans in data/plans/, the monitoring status rule, the 民政报表
forms, and the indicator definitions and bindings (idempotent; run again after a domain adds sources)."""

from django.core.management.base import BaseCommand

from minzheng.planning import services


class Command(BaseCommand):
    help = "载入四个示例规划（辽宁省、丹东市、阜新市、浑南区），重复运行不会产生重复数据"

    def handle(self, *args, **options):
        for plan in services.load_seed_plans():
            counts = services.plan_counts(plan)
            parent = f" → {plan.parent.title}" if plan.parent else ""
            self.stdout.write(
                f"{plan.title}{parent}：主要指标 {counts['indicators']} 项，正文量化目标 "
                f"{counts['text_targets']} 项，重点任务 {counts['tasks']} 项，重大项目 {counts['projects']} 项"
            )
        services.seed_status_rules()
        forms = services.load_stat_forms()
        result = services.sync_indicators()
        self.stdout.write(
            f"民政报表表式 {forms} 个新载入；指标定义新建 {result.definitions_created} 个，"
            f"规划指标新绑定 {result.bindings_created} 个，改为业务数据计算 {result.bindings_moved_to_sources} 个"
        )
