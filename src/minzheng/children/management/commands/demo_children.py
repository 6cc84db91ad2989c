"""python manage.py demo_children [--seed N]: 儿童福利 demo data over the core demo population (run ``demo`` first)."""

from django.core.management.base import BaseCommand

from minzheng.children import demo


class Command(BaseCommand):
    help = "生成儿童福利演示数据（儿童档案、类别、委托照护与亲情联系、孤儿和事实无人抚养保障申请、未保案件、收养登记），可复现"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260118)

    def handle(self, *args, seed, **options):
        if demo.demo_loaded():
            self.stdout.write("儿童福利演示数据已存在，跳过")
            return
        s = demo.load_demo(seed=seed)
        self.stdout.write(
            f"儿童福利演示数据：儿童档案{s.children}份、类别{s.flags}条、委托照护{s.entrustments}户、"
            f"亲情联系{s.contacts}次、基本生活保障申请{s.applications}件、未保案件{s.cases}件、在办收养登记{s.adoptions}件"
        )
