"""工单 reads: a ticket is in a user's jurisdiction by its place or its 主办 unit."""

from django.db.models import Q
from django.http import Http404

from minzheng.core.jurisdiction import division_prefix

from ..models import Ticket


def _scoped(user):
    if user is None or not getattr(user, "is_authenticated", False) or not user.division_code:
        return Ticket.objects.none()
    prefix = division_prefix(user.division_code)
    if not prefix:
        return Ticket.objects.all()
    return Ticket.objects.filter(Q(division_code__startswith=prefix) | Q(lead_unit_code__startswith=prefix))


def ticket_in_jurisdiction(user, pk: int) -> Ticket:
    ticket = _scoped(user).filter(pk=pk).first()
    if ticket is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return ticket


def ticket_list(user, *, status: str = "", q: str = ""):
    rows = _scoped(user).select_related("merged_into")
    if status:
        rows = rows.filter(status=status)
    if q:
        rows = rows.filter(Q(number__icontains=q) | Q(external_id__icontains=q) | Q(content__icontains=q))
    return rows.order_by("-received_on", "-pk")
