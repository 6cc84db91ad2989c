"""python manage.py purge_exchange [--days N]: delete raw department files past the retention period.

The period is the policy parameter ``exchange_retention_days`` in force (national row: the exchange store is
the whole installation's), else ``MINZHENG_EXCHANGE_RETENTION_DAYS``. The delivery each source currently
provides is always kept, so a purge never changes what a verification sees; schedule it daily (cron)."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand

from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import parameter_value
from minzheng.verification.services.store import exchange_store


class Command(BaseCommand):
    help = "按保存期限清理部门共享数据原始文件（每个来源的现行交付始终保留）"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="默认：政策参数 exchange_retention_days")

    def handle(self, *args, days, **options):
        if days is None:
            days = retention_days(dt.date.today())
        touched = exchange_store().purge(days)
        record_event(
            None,
            AuditEvent.DELETE,
            username="system",
            object_type="exchange_delivery",
            summary=f"按保存期限（{days}天）清理部门数据：{len(touched)}个交付",
        )
        self.stdout.write(f"已清理 {len(touched)} 个交付（保存期限 {days} 天）")


def retention_days(on: dt.date) -> int:
    fallback = Decimal(settings.EXCHANGE_RETENTION_DAYS)
    return int(parameter_value("exchange_retention_days", "000000000000", on, default=fallback))
