"""python manage.py demo_eldercare [--seed N]: 养老服务 demo data over the core demo population (run ``demo`` first)."""

from django.core.management.base import BaseCommand

from minzheng.eldercare import demo


class Command(BaseCommand):
    help = "生成养老服务演示数据（机构、设施、入住、能力评估、探访、监管、适老化改造），可复现"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260115)

    def handle(self, *args, seed, **options):
        if demo.demo_loaded():
            self.stdout.write("养老服务演示数据已存在，跳过")
            return
        s = demo.load_demo(seed=seed)
        self.stdout.write(
            f"养老服务演示数据：机构{s.institutions}家、社区设施{s.facilities}处、入住{s.residents}人、能力评估{s.assessments}份、"
            f"特殊困难老年人{s.hardship_elders}人、探访{s.visits}次、隐患{s.hazards}条、适老化改造{s.retrofit_cases}户"
        )
