"""总览: received/handled/overdue by matter, average handling time against the limit, 即办率, 网办率, 满意率."""

from dataclasses import dataclass
from datetime import date

from minzheng.core.jurisdiction import scope
from minzheng.policy.interface import with_calendar, working_calendar, working_days_between

from ..models import Application, AppStatus, Evaluation
from ..rules.evaluations import satisfaction_rate
from ..rules.stats import MatterRow, rate
from .tickets import _scoped

DONE = {AppStatus.COMPLETED, AppStatus.REJECTED, AppStatus.REFUSED}


@dataclass(frozen=True)
class Dashboard:
    received: int
    handled: int
    overdue: int
    instant_rate: float | None
    online_rate: float | None
    satisfaction: float | None
    rows: list[MatterRow]
    tickets_open: int
    tickets_overdue: int


def dashboard(user, today: date) -> Dashboard:
    rows = list(
        scope(Application.objects.all(), user, "division_code").values(
            "matter__name", "matter__promised_days", "matter__instant", "status", "channel", "accepted_on",
            "completed_on", "due_on",
        )
    )  # fmt: skip
    per: dict[str, dict] = {}

    calendar = working_calendar()

    def span(start, end):
        return with_calendar(lambda cal: working_days_between(start, end, cal), calendar)[0]

    for r in rows:
        entry = per.setdefault(
            r["matter__name"], {"limit": r["matter__promised_days"], "n": 0, "done": 0, "late": 0, "days": []}
        )
        entry["n"] += 1
        done = r["status"] in DONE
        if done:
            entry["done"] += 1
            if r["accepted_on"] and r["completed_on"]:
                entry["days"].append(span(r["accepted_on"], r["completed_on"]))
        if (
            r["due_on"]
            and ((r["completed_on"] or today) > r["due_on"])
            and r["status"] != AppStatus.WITHDRAWN
        ):
            entry["late"] += 1
    matter_rows = [
        MatterRow(
            name,
            e["n"],
            e["done"],
            e["late"],
            sum(e["days"]) / len(e["days"]) if e["days"] else None,
            e["limit"],
        )
        for name, e in sorted(per.items())
    ]
    done_rows = [r for r in rows if r["status"] in DONE]
    levels = list(scope(Evaluation.objects.all(), user, "division_code").values_list("level", flat=True))
    tickets = _scoped(user)
    open_tickets = tickets.filter(status__in=["received", "assigned", "returned", "replied"])
    return Dashboard(
        received=len(rows),
        handled=len(done_rows),
        overdue=sum(r.overdue for r in matter_rows),
        instant_rate=rate(sum(1 for r in done_rows if r["matter__instant"]), len(done_rows)),
        online_rate=rate(sum(1 for r in rows if r["channel"] == "online"), len(rows)),
        satisfaction=satisfaction_rate(levels),
        rows=matter_rows,
        tickets_open=open_tickets.count(),
        tickets_overdue=open_tickets.filter(due_on__lt=today, replied_on__isnull=True).count(),
    )
