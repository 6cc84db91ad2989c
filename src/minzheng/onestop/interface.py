"""全市通办's published interface (other apps import only this).

- ``matter_names``: the 事项清单's codes and names (for a domain's pages that link to its 办事指南);
- ``open_counts``: 办件 waiting at the window and open 12345 tickets in the user's jurisdiction (home page).
"""

from dataclasses import dataclass

from minzheng.core.jurisdiction import scope

from .models import Application, AppStatus, Matter
from .selectors.tickets import _scoped


@dataclass(frozen=True)
class OpenCounts:
    applications_waiting: int
    tickets_open: int


def matter_names() -> dict[str, str]:
    return dict(Matter.objects.filter(enabled=True).values_list("code", "name"))


def open_counts(user) -> OpenCounts:
    waiting = scope(Application.objects.filter(status=AppStatus.SUBMITTED), user, "division_code").count()
    tickets = _scoped(user).filter(status__in=["received", "assigned", "returned"]).count()
    return OpenCounts(waiting, tickets)


__all__ = ["OpenCounts", "matter_names", "open_counts"]
