"""python manage.py demo_rescue [--seed N]: 救助管理 demo data (run ``demo`` first)."""

from django.core.management.base import BaseCommand

from minzheng.rescue import demo


class Command(BaseCommand):
    help = "生成流浪乞讨人员救助演示数据（丹东市救助管理站、一年的受助人员、易走失人员信息库、两例寻亲比对），可复现"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260325)

    def handle(self, *args, seed, **options):
        if demo.demo_loaded():
            self.stdout.write("救助管理演示数据已存在，跳过")
            return
        s = demo.load_demo(seed=seed)
        self.stdout.write(
            f"救助管理演示数据：受助{s.intakes}人次、接送返回或亲属领回{s.returned}人、易走失人员{s.registry}人、寻亲比对{s.matches}例"
        )
