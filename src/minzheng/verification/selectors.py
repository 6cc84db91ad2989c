"""Reads of 家庭经济状况核对, scoped to the user's jurisdiction by the division the run or result covers."""

from django.db.models import QuerySet

from minzheng.core.jurisdiction import get_in_jurisdiction_or_404, scope
from minzheng.core.permissions import Capability, require
from minzheng.core.read_audit import Channel, audited_read

from .models import HouseholdList, HouseholdVerification, VerificationRun
from .services.store import exchange_store


def run_list(user) -> QuerySet[VerificationRun]:
    require(user, Capability.VIEW_REGISTRY)
    return scope(VerificationRun.objects.select_related("requested_by"), user, "division_code").order_by(
        "-pk"
    )


def run_detail(user, pk: int) -> VerificationRun:
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(
        VerificationRun.objects.select_related("household_list"), user, "division_code", pk=pk
    )


def run_results(run: VerificationRun, conclusion: str = "") -> QuerySet[HouseholdVerification]:
    qs = run.results.select_related("household__head").order_by("household__number")
    return qs.filter(conclusion=conclusion) if conclusion else qs


def result_detail(user, pk: int) -> HouseholdVerification:
    require(user, Capability.VIEW_REGISTRY)
    qs = HouseholdVerification.objects.select_related("run", "household__head", "note_by")
    return get_in_jurisdiction_or_404(qs, user, "division_code", pk=pk)


def read_result(user, pk: int, *, channel: Channel) -> HouseholdVerification:
    """核对报告 for someone to look at: inside the jurisdiction (404 otherwise) and audited (查看核对报告)."""
    result = result_detail(user, pk)
    return audited_read(
        user, result, channel=channel, object_type="household_verification",
        division_code=result.division_code, summary=f"查看核对报告（家庭 {result.household.number}）",
    )  # fmt: skip


def deliveries(user):
    """交付回执, newest first (department data is the bureau's, not a region's: administrators only)."""
    require(user, Capability.MANAGE_EXCHANGE)
    return sorted(exchange_store().receipts(), key=lambda r: r.received_at, reverse=True)


def household_list(user, pk: int) -> HouseholdList:
    """核对名单, scoped by the uploader's division (a county's lists are its own and its city's)."""
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(
        HouseholdList.objects.select_related("uploaded_by"), user, "division_code", pk=pk
    )


def recent_lists(user, limit: int = 10) -> list[HouseholdList]:
    require(user, Capability.VERIFY_HOUSEHOLDS)
    return list(HouseholdList.objects.filter(uploaded_by=user).order_by("-pk")[:limit])
