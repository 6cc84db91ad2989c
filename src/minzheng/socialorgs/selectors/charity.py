"""慈善 records (staff, scoped by registry) and the public lists of 《慈善法》第七十六条 (一)(二)(三)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from minzheng.core.selectors.divisions import names_of

from ..models import CharityApplication, FundraisingPlan, Organisation, OrgStatus, TrustFiling
from .common import one, scoped


def application_list(user, *, matter: str = "", status: str = ""):
    rows = scoped(CharityApplication.objects.select_related("organisation"), user)
    if matter:
        rows = rows.filter(matter=matter)
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("status", "due_on", "-pk")


def application_detail(user, pk: int) -> CharityApplication:
    return one(
        CharityApplication.objects.select_related("organisation", "received_by", "decided_by"), user, pk
    )


def plan_list(user, *, q: str = ""):
    rows = scoped(FundraisingPlan.objects.select_related("organisation"), user)
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(title__contains=q) | Q(organisation__name__contains=q))
    return rows.order_by("-starts_on", "-pk")


def plan_detail(user, pk: int) -> FundraisingPlan:
    return one(FundraisingPlan.objects.select_related("organisation", "filed_by"), user, pk)


def disclosures_of(plan: FundraisingPlan) -> list:
    return list(plan.disclosures.order_by("disclosed_on", "pk"))


def trust_list(user):
    return scoped(TrustFiling.objects.all(), user).order_by("-filed_on", "-pk")


def trust_detail(user, pk: int) -> TrustFiling:
    return one(TrustFiling.objects.select_related("filed_by"), user, pk)


def charity_applications_of(organisation) -> list[CharityApplication]:
    return list(organisation.charity_applications.order_by("-received_on", "-pk"))


def plans_of(organisation) -> list[FundraisingPlan]:
    return list(organisation.fundraising_plans.order_by("-starts_on", "-pk"))


# --- public (第七十六条): registration facts, 公募资格 list, trust filings, filed plans (办法第十一条) -------------
@dataclass(frozen=True)
class PublicCharity:
    name: str
    uscc: str
    charity_on: date
    fundraising_on: date | None
    office: str


@dataclass(frozen=True)
class PublicTrust:
    trust_name: str
    trustee: str
    kind: str
    filed_on: date
    office: str


@dataclass(frozen=True)
class PublicPlan:
    organisation: str
    title: str
    area: str
    starts_on: date
    ends_on: date
    filed_on: date


def _offices(codes) -> dict[str, str]:
    return {code: f"{name}民政局" for code, name in names_of(set(codes)).items()}


def public_charities(q: str = "", *, fundraising_only: bool = False, limit: int = 100) -> list[PublicCharity]:
    rows = Organisation.objects.filter(status=OrgStatus.REGISTERED, charity_on__isnull=False)
    if fundraising_only:
        rows = rows.filter(fundraising_on__isnull=False)
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(name__contains=q) | Q(uscc=q.upper()))
    rows = list(
        rows.order_by("name", "pk").values("name", "uscc", "charity_on", "fundraising_on", "division_code")[
            :limit
        ]
    )
    offices = _offices(r["division_code"] for r in rows)
    return [
        PublicCharity(
            r["name"], r["uscc"], r["charity_on"], r["fundraising_on"], offices.get(r["division_code"], "")
        )
        for r in rows
    ]


def public_trusts(limit: int = 100) -> list[PublicTrust]:
    rows = list(TrustFiling.objects.order_by("-filed_on", "-pk")[:limit])
    offices = _offices(r.division_code for r in rows)
    return [
        PublicTrust(
            r.trust_name, r.trustee, r.get_kind_display(), r.filed_on, offices.get(r.division_code, "")
        )
        for r in rows
    ]


def public_plans(today: date, q: str = "", limit: int = 100) -> list[PublicPlan]:
    """Campaigns filed and not yet over (the filing is public — 办法第十一条; the bank account and the person in
    charge's office stay with the bureau)."""
    rows = (
        FundraisingPlan.objects.filter(ends_on__gte=today, organisation__status=OrgStatus.REGISTERED)
        .select_related("organisation")
        .order_by("starts_on", "pk")
    )
    q = (q or "").strip()
    if q:
        rows = rows.filter(Q(organisation__name__contains=q) | Q(organisation__uscc=q.upper()))
    rows = rows[:limit]
    return [
        PublicPlan(r.organisation.name, r.title, r.area, r.starts_on, r.ends_on, r.filed_on) for r in rows
    ]
