"""家庭经济状况核对's part of the 一人一档 / 一户一档 (``core.timelines``): each household's 核对结果."""

from minzheng.core.timelines import TimelineEntry, TimelineSubject
from minzheng.core.work_items import url_for_each

from .models import HouseholdVerification


def verification_results(user, subject: TimelineSubject) -> list[TimelineEntry]:
    result_url = url_for_each("verification:result_detail")
    results = HouseholdVerification.objects.filter(household_id__in=subject.household_ids).select_related(
        "run"
    )
    return [
        TimelineEntry(
            on=result.run.request_date,
            domain="经济状况核对",
            title=f"家庭经济状况核对 · {result.get_conclusion_display()}",
            detail=(
                f"人均月收入 ¥{result.per_capita_monthly_income:,.2f}"
                if result.per_capita_monthly_income is not None
                else ""
            ),
            url=result_url(result.pk),
        )
        for result in results
    ]


ENTRIES = [verification_results]
