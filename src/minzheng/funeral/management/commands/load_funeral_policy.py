"""python manage.py load_funeral_policy: ship the 惠民殡葬 rules (Liaoning's 6 basic services; idempotent)."""

from django.core.management.base import BaseCommand

from minzheng.funeral.services.waivers import load_funeral_policy


class Command(BaseCommand):
    help = "载入惠民殡葬减免规则（辽宁省6项基本殡葬服务，可重复运行）"

    def handle(self, *args, **options):
        added = load_funeral_policy()
        self.stdout.write(f"惠民殡葬减免规则：新增 {added} 条")
