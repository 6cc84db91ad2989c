"""The 儿童福利 总览 figures for the user's jurisdiction (counts only — no names)."""

from datetime import date

from django.db.models import Count, Q

from ..models import AllowanceApplication, CategoryFlag, ChildCategory, ChildRecord
from ..rules.protection import STATUS_LABELS
from .common import scoped
from .protection import visible_cases
from .register import overdue_contacts, overdue_visits


def summary(user, today: date) -> dict:
    from ..services.common import contact_interval, visit_interval

    records = scoped(ChildRecord.objects.filter(ended_on__isnull=True), user)
    flags = scoped(CategoryFlag.objects.filter(child__ended_on__isnull=True, valid_from__lte=today), user)
    flags = flags.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
    by_category = dict(flags.values_list("category").annotate(n=Count("child", distinct=True)))
    applications = scoped(AllowanceApplication.objects.all(), user)
    by_status = dict(applications.values_list("status").annotate(n=Count("pk")))
    interval = contact_interval(user.division_code, today)
    cases = dict(visible_cases(user).order_by().values_list("status").annotate(n=Count("pk")))
    return {
        "cases": [(label, cases.get(code, 0), code) for code, label in STATUS_LABELS.items()],
        "children": records.count(),
        "categories": [(label, by_category.get(code, 0)) for code, label in ChildCategory.choices],
        "overdue_contacts": overdue_contacts(user, today, interval).count(),
        "overdue_visits": overdue_visits(user, today, visit_interval(user.division_code, today)).count(),
        "awaiting_check": by_status.get("received", 0),
        "awaiting_confirm": by_status.get("checked", 0),
        "in_payment": by_status.get("confirmed", 0),
    }
