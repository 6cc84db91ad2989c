"""特困人员认定抽查 records visible to the user (their jurisdiction)."""

from minzheng.policy.interface import visible

from ..models import TekunSpotCheck


def spot_check_list(user):
    return visible(TekunSpotCheck.objects.select_related("drawn_by"), user, field="county_code")
