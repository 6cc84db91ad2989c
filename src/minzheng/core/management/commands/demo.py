"""python manage.py demo [--seed N] [--households N]: reproducible demo data for Dandong city."""

import os

from django.core.management.base import BaseCommand, CommandError

from minzheng.core import demo


class Command(BaseCommand):
    help = "生成丹东市演示数据（可复现）与各级各角色演示用户"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=20260101)
        parser.add_argument("--households", type=int, default=20_000)
        parser.add_argument("--if-empty", action="store_true", help="已有演示数据时跳过而不报错")

    def handle(self, *args, seed, households, if_empty, **options):
        if demo.demo_loaded():
            if if_empty:
                self.stdout.write("演示数据已存在，跳过")
                return
            raise CommandError("演示数据已存在（如需重建请删除 var/ 下的数据库后重新 make run）")
        password = os.environ.get("MINZHENG_DEMO_PASSWORD", "Yalu#River26")
        batch = demo.load_demo(seed=seed, households=households, password=password)
        self.stdout.write(
            f"演示数据已生成：{batch.created_households}户、{batch.created_persons}人（seed={seed}）"
        )
        self.stdout.write("演示用户（密码见 README）：")
        for u in demo.demo_users():
            self.stdout.write(f"  {u.username:<24}{u.full_name}")
