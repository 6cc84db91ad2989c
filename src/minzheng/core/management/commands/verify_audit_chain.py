"""python manage.py verify_audit_chain: prove the audit log unbroken (exit status 1 at the first break)."""

from django.core.management.base import BaseCommand, CommandError

from minzheng.core.services.audit_chain import verify_chain


class Command(BaseCommand):
    help = "校验审计日志哈希链是否完整，报告第一条断裂的记录"

    def handle(self, *args, **options):
        report = verify_chain()
        if not report.intact:
            raise CommandError(
                f"审计日志链断裂：记录 id={report.broken_id}：{report.reason}（此前{report.checked}条完整）"
            )
        self.stdout.write(f"审计日志链完整：共{report.checked}条记录")
