"""Nightly: follow the domains' cases (办结 when 社会救助 decided), 督办 overdue 12345 tickets."""

from datetime import date

from django.core.management.base import BaseCommand

from ...models import Application, AppStatus
from ...services.applications import refresh_from_domain
from ...services.tickets import supervise_overdue


class Command(BaseCommand):
    help = "全市通办夜间任务：同步业务办结、超期工单自动督办"

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args, today=None, **options):
        today = today or date.today()
        followed = 0
        handling = Application.objects.filter(status=AppStatus.HANDLING, domain_reference__isnull=False)
        for application in handling.iterator():
            if refresh_from_domain(application).status != AppStatus.HANDLING:
                followed += 1
        supervised = supervise_overdue(today)
        self.stdout.write(f"业务办结同步 {followed} 件；超期工单督办 {supervised} 件")
