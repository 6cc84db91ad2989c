"""救助项目 the user's divisions use (national ones and those set inside or above the jurisdiction)."""

from django.db.models import QuerySet

from ..models import AssistanceProgram
from .visibility import visible


def program_list(user) -> QuerySet[AssistanceProgram]:
    return visible(AssistanceProgram.objects.all(), user).order_by("sort_order", "code")
