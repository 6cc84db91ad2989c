"""特困人员认定抽查 records visible to the user (their jurisdiction)."""

from ..models import TekunSpotCheck
from .visibility import visible


def spot_check_list(user):
    return visible(TekunSpotCheck.objects.select_related("drawn_by"), user, field="county_code")
