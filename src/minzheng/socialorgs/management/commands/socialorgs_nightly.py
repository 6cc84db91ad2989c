"""python manage.py socialorgs_nightly [--today YYYY-MM-DD]: the 社会组织 clocks (idempotent, run nightly).

Missing annual reports after 31 May → proposed 活动异常 grounds; two years missed → 撤销登记 proposals;
6-month automatic removal from 活动异常; 2 years on 活动异常 → 严重违法失信; 2-year removal from 严重违法失信."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from minzheng.socialorgs.services import credit, reports


class Command(BaseCommand):
    help = "社会组织每日计时任务：年报逾期提请列入、撤销登记建议、活动异常自动移出与转入严重违法失信、严重违法失信届满移出"

    def add_arguments(self, parser):
        parser.add_argument("--today", default="", help="按指定日期运行（YYYY-MM-DD），缺省为今天")

    def handle(self, *args, today: str, **options):
        try:
            on = date.fromisoformat(today) if today else date.today()
        except ValueError:
            raise CommandError("日期格式应为 2026-06-01") from None
        proposed = credit.propose_missing_reports(on)
        revocations = reports.propose_revocations_for_missing(on)
        run = credit.run_clocks(on)
        self.stdout.write(
            f"社会组织计时任务（{on}）：年报逾期提请列入{proposed}家，撤销登记建议{revocations}件，"
            f"活动异常自动移出{run.removed}家，转入严重违法失信{run.escalated}家，严重违法失信届满移出{run.serious_removed}家"
        )
