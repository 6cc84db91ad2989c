"""python manage.py purge_exchange [--days N]: delete raw department files past the retention period.

The delivery each source currently provides is always kept, so a purge never changes what a verification
sees; schedule it daily (cron or the task worker)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event
from minzheng.verification.services.store import exchange_store


class Command(BaseCommand):
    help = "按保存期限清理部门共享数据原始文件（每个来源的现行交付始终保留）"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.EXCHANGE_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        touched = exchange_store().purge(days)
        record_event(
            None,
            AuditEvent.DELETE,
            username="system",
            object_type="exchange_delivery",
            summary=f"按保存期限（{days}天）清理部门数据：{len(touched)}个交付",
        )
        self.stdout.write(f"已清理 {len(touched)} 个交付（保存期限 {days} 天）")
