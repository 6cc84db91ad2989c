"""python manage.py restore ARCHIVE: put a backup back into an empty install (an empty database and a data
directory), check every checksum and row count, then prove the audit chain unbroken."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from minzheng.core.backup.archive import restore_backup
from minzheng.core.backup.database import BackupError, Database
from minzheng.core.services.audit_chain import verify_chain


class Command(BaseCommand):
    help = "从备份归档恢复到空的数据库和数据目录，并核对校验和、各表行数与审计日志链"
    # The system checks may open the database; a restore must find it exactly as the operator left it.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("archive", help="backup 命令生成的归档文件")

    def handle(self, *args, archive, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"找不到备份归档：{archive}")
        database = Database.from_settings(connection.settings_dict)
        connections.close_all()
        try:
            report = restore_backup(path, database=database, var_dir=Path(settings.VAR_DIR))
        except (BackupError, OSError, ValueError) as error:
            raise CommandError(f"恢复失败：{error}") from None
        connections.close_all()
        chain = verify_chain()
        if not chain.intact:
            raise CommandError(
                f"数据已恢复，但审计日志链在记录 id={chain.broken_id} 处断裂：{chain.reason}。请勿投入使用，联系安全管理员"
            )
        self.stdout.write(
            f"恢复完成：备份时间 {report.manifest.created_at}，{report.tables} 张表共 {report.rows} 行，"
            f"{report.files} 个文件；审计日志链完整（{chain.checked} 条）"
        )
        self.stdout.write("如本版本比备份时新，请接着运行 python manage.py migrate")
