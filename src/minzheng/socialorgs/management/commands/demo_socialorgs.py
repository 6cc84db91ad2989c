"""python manage.py demo_socialorgs [--seed N]: 社会组织 demo data in 丹东 (run ``demo`` first)."""

from django.core.management.base import BaseCommand

from minzheng.socialorgs import demo


class Command(BaseCommand):
    help = (
        "生成社会组织演示数据（约300家社会团体、社会服务机构和基金会，两年年报与年检结论，信用名录），可复现"
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260601)
        parser.add_argument("--count", type=int, default=300)

    def handle(self, *args, seed, count, **options):
        if demo.demo_loaded():
            self.stdout.write("社会组织演示数据已存在，跳过")
            return
        s = demo.load_demo(seed=seed, count=count)
        self.stdout.write(
            f"社会组织演示数据：登记{s.organisations}家、等级评估{s.rated}家、待决定申请{s.applications_open}件、年度报告{s.reports}份、"
            f"信用名录在列{s.listed}家、待列入决定{s.proposed}家"
        )
