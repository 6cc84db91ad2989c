"""What other apps may use of 婚姻登记: functions and frozen dataclasses, never models."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from .models import Party


@dataclass(frozen=True)
class MaritalStatusOn:
    """A person's marital status on a day as recorded on this platform (GB/T 2261.2: 10 未婚 … 40 离婚)."""

    id_number: str
    on: date
    married: bool
    certificate_number: str = ""
    registered_on: date | None = None


def marital_status_on(id_number: str, on: date) -> MaritalStatusOn:
    """Whether ``id_number`` was in a marriage registered on this platform on ``on`` (registered by then and not
    ended before it). Unaudited: callers that show it to a person audit their own read."""
    party = (
        Party.objects.filter(id_number=id_number, marriage__registered_on__lte=on)
        .exclude(marriage__status="void")
        .filter(Q(marriage__ended_on__isnull=True) | Q(marriage__ended_on__gt=on))
        .select_related("marriage")
        .order_by("-marriage__registered_on")
        .first()
    )
    if party is None:
        return MaritalStatusOn(id_number, on, False)
    return MaritalStatusOn(
        id_number, on, True, party.marriage.certificate_number, party.marriage.registered_on
    )
