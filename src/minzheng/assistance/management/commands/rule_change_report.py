"""python manage.py rule_change_report [--on YYYY-MM-DD]: the in-force enrolments the corrected rules would
judge differently (规则修订影响清单), nationally; read-only — the caseworker acts through 复核."""

from datetime import date

from django.core.management.base import BaseCommand

from minzheng.assistance.services.rule_changes import rule_change_impacts


class Command(BaseCommand):
    help = "规则修订影响清单：列出按修订后规则认定结果或复核周期会变化的在保对象（只读）"

    def add_arguments(self, parser):
        parser.add_argument("--on", type=date.fromisoformat, default=None, help="核查日期，默认今天")

    def handle(self, *args, on=None, **options):
        rows = rule_change_impacts(None, on or date.today())
        for r in rows:
            self.stdout.write(f"{r.division_code}\t{r.household_number}\t{r.program_name}\t{r.change}")
        self.stdout.write(f"共 {len(rows)} 条")
