"""python manage.py load_division_changes — the shipped, sourced 行政区划变更 history (丹东 so far)."""

from django.core.management.base import BaseCommand

from minzheng.core.services import division_changes


class Command(BaseCommand):
    help = "载入随平台提供的行政区划变更史（含来源；已载入的跳过）"

    def handle(self, *args, **options):
        created, skipped = division_changes.load_history()
        self.stdout.write(f"行政区划变更已载入：新增 {created}，已有 {skipped}")
