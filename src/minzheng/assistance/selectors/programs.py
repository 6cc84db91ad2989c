"""救助项目 the user's divisions use (national ones and those set inside or above the jurisdiction)."""

from django.db.models import QuerySet

from minzheng.policy.interface import visible

from ..models import AssistanceProgram, BenefitFormula


def program_list(user) -> QuerySet[AssistanceProgram]:
    return visible(AssistanceProgram.objects.all(), user).order_by("sort_order", "code")


def pays_money(program: AssistanceProgram) -> bool:
    """Whether a program pays a benefit (低保边缘、支出型困难 only confer a status that opens 专项救助)."""
    return program.benefit_formula != BenefitFormula.ELIGIBILITY_ONLY
