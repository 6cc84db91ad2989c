"""资金发放's part of the 一人一档 / 一户一档 (``core.timelines``): payments to the household's payee."""

from minzheng.core.timelines import TimelineEntry, TimelineSubject
from minzheng.core.work_items import url_for_each

from .models import PayrollLine

_LATEST = 36  # three years of monthly payments; the roster pages keep the rest


def payments(user, subject: TimelineSubject) -> list[TimelineEntry]:
    roster_url = url_for_each("payments:roster_detail")
    lines = (
        PayrollLine.objects.filter(household_id__in=subject.household_ids)
        .order_by("-month", "-pk")
        .only("month", "for_month", "kind", "amount", "payment_status", "failure_reason", "roster_id")[
            :_LATEST
        ]
    )
    return [
        TimelineEntry(
            on=line.month,
            domain="资金发放",
            title=f"{line.month:%Y-%m} {line.get_kind_display()} ¥{line.amount:,.2f} · {line.get_payment_status_display()}",
            detail=line.failure_reason,
            url=roster_url(line.roster_id),
        )
        for line in lines
    ]


ENTRIES = [payments]
