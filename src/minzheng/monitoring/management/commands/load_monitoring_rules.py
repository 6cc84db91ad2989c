"""Seed the national default version of every risk rule (idempotent; part of ``make db``)."""

from django.core.management.base import BaseCommand

from minzheng.monitoring.services.risk_rules import seed_default_rules


class Command(BaseCommand):
    help = "载入预警规则的全国默认版本（可重复执行）"

    def handle(self, *args, **options):
        created = seed_default_rules()
        self.stdout.write(f"预警规则：新增 {created} 个默认版本")
