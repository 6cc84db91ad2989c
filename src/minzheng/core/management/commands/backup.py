"""python manage.py backup [--output DIR] [--keep N]: one dated archive of the database and the files under
``MINZHENG_VAR_DIR`` (docs/operations.md has the schedule and where to keep the archives)."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from minzheng.core.backup.archive import create_backup
from minzheng.core.backup.database import BackupError, Database


class Command(BaseCommand):
    help = "备份数据库与数据目录（上传文件、交换库、后台结果、密钥）到一个带清单和校验和的归档"

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=os.environ.get("MINZHENG_BACKUP_DIR") or str(Path(settings.VAR_DIR) / "backups"),
            help="归档目录（默认 MINZHENG_BACKUP_DIR，或数据目录下的 backups）",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=int(os.environ.get("MINZHENG_BACKUP_KEEP", "14")),
            help="保留最近几份归档（默认 14，即每日备份保留两周）",
        )

    def handle(self, *args, output, keep, **options):
        database = Database.from_settings(connection.settings_dict)
        live = None
        if database.engine == "sqlite":
            connection.ensure_connection()
            live = connection.connection
        try:
            archive = create_backup(
                database=database,
                var_dir=Path(settings.VAR_DIR),
                output_dir=Path(output),
                now=timezone.localtime(),
                keep=keep,
                live_sqlite=live,
            )
        except (BackupError, OSError) as error:
            raise CommandError(f"备份失败：{error}") from None
        size = archive.stat().st_size / 1024 / 1024
        self.stdout.write(f"备份完成：{archive}（{size:.1f} MB）")
