"""Load the 事项清单 (idempotent; a county's own promised limits and switches are kept)."""

from django.core.management.base import BaseCommand

from ...services.catalogue import load_matters


class Command(BaseCommand):
    help = "装载全市通办事项清单（民政事项、依据、材料、时限）"

    def handle(self, *args, **options):
        added, refreshed = load_matters()
        self.stdout.write(f"事项清单：新增 {added} 项，更新 {refreshed} 项")
