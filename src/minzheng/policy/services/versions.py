"""Adding a dated version: the previous one is closed the day before, history is never overwritten."""

from datetime import date, timedelta

from django.db.models import Model, QuerySet

from ..errors import InvalidPolicyValue, VersionConflict


def insert_version(siblings: QuerySet, new: Model) -> Model | None:
    """Save ``new`` among the versions ``siblings`` (same name/kind and division); return the version it closed.

    A version dated between two existing ones is closed the day before the next one (a back-dated entry).
    Only the ``valid_to`` of the preceding version changes; a second version on the same day is refused.
    """
    siblings = siblings.select_for_update()
    if siblings.filter(effective_from=new.effective_from).exists():
        raise VersionConflict(
            f"{new.effective_from:%Y-%m-%d} 已有一个版本；历史版本不能覆盖，请以新的生效日期录入",
            field="effective_from",
        )
    following = siblings.filter(effective_from__gt=new.effective_from).order_by("effective_from").first()
    if following is not None:
        day_before_next = following.effective_from - timedelta(days=1)
        new.valid_to = min(new.valid_to, day_before_next) if new.valid_to else day_before_next
    if new.valid_to is not None and new.valid_to < new.effective_from:
        raise InvalidPolicyValue("失效日期不能早于生效日期", field="valid_to")
    new.save()
    previous = siblings.filter(effective_from__lt=new.effective_from).order_by("-effective_from").first()
    if previous is not None and (previous.valid_to is None or previous.valid_to >= new.effective_from):
        previous.valid_to = _day_before(new.effective_from)
        previous.save(update_fields=["valid_to"])
        return previous
    return None


def _day_before(day: date) -> date:
    return day - timedelta(days=1)
