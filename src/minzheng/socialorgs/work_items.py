"""社会组织's work for the one 待办 (``core.work_items``): registration decisions due 60 days after receipt,
listing decisions due 5 working days after the ground, removals due 5 working days after verification,
撤销登记 proposals, reports awaiting their 年检 result. One query per kind; rows read as values."""

from datetime import date

from django.http import Http404

from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import (
    AnnualReport,
    Application,
    ApplicationKind,
    ApplicationStatus,
    CreditListing,
    ListingStatus,
    ReportStatus,
    RevocationProposal,
    RevocationStatus,
)
from .selectors.common import scoped

DOMAIN = "社会组织"
DECIDE = Capability.DECIDE_SOCIALORGS
_KIND = dict(ApplicationKind.choices)
_LIST = {"abnormal": "活动异常名录", "serious": "严重违法失信名单"}


def _found(items: list[WorkItem]) -> WorkItem:
    if not items:
        raise Http404("记录不存在或不在您的管辖范围内")
    return items[0]


# --- 登记申请 ---------------------------------------------------------------------------------------------
_APP_FIELDS = ("pk", "kind", "name", "division_code", "due_on", "received_by_id")


def _applications(user):
    return scoped(Application.objects.filter(status=ApplicationStatus.RECEIVED), user)


def _app_items(rows) -> list[WorkItem]:
    url = url_for_each("socialorgs:application_detail")
    return [
        WorkItem(
            source="socialorgs.application",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter=f"{_KIND[r['kind']]} · 待决定",
            subject=r["name"],
            division_code=r["division_code"],
            due_on=r["due_on"],
            url=url(r["pk"]),
            capability=DECIDE,
        )
        for r in rows
    ]


def open_applications(user, today: date) -> list[WorkItem]:
    if not has_capability(user, DECIDE):
        return []
    rows = _applications(user).exclude(received_by=user).order_by("due_on", "pk")
    return _app_items(rows.values(*_APP_FIELDS))


def find_application(user, key: str, today: date) -> WorkItem:
    return _found(_app_items(_applications(user).filter(pk=record_pk(key)).values(*_APP_FIELDS)))


# --- 信用名录: 待列入 and 待移出 ---------------------------------------------------------------------------
_LISTING_FIELDS = (
    "pk",
    "status",
    "list_kind",
    "division_code",
    "listing_due_on",
    "removal_due_on",
    "organisation__name",
)


def _listings(user):
    return scoped(
        CreditListing.objects.filter(status=ListingStatus.PROPOSED)
        | CreditListing.objects.filter(status=ListingStatus.LISTED, removal_due_on__isnull=False),
        user,
    )


def _listing_items(rows) -> list[WorkItem]:
    url = url_for_each("socialorgs:listing_detail")
    items = []
    for r in rows:
        proposed = r["status"] == ListingStatus.PROPOSED
        items.append(
            WorkItem(
                source="socialorgs.listing",
                key=str(r["pk"]),
                domain=DOMAIN,
                matter=f"{_LIST[r['list_kind']]} · {'待列入决定' if proposed else '已履行义务待移出'}",
                subject=r["organisation__name"],
                division_code=r["division_code"],
                due_on=r["listing_due_on"] if proposed else r["removal_due_on"],
                url=url(r["pk"]),
                capability=DECIDE,
            )
        )
    return items


def open_listings(user, today: date) -> list[WorkItem]:
    if not has_capability(user, DECIDE):
        return []
    return _listing_items(_listings(user).order_by("listing_due_on", "pk").values(*_LISTING_FIELDS))


def find_listing(user, key: str, today: date) -> WorkItem:
    return _found(_listing_items(_listings(user).filter(pk=record_pk(key)).values(*_LISTING_FIELDS)))


# --- 撤销登记建议 -------------------------------------------------------------------------------------------
_REV_FIELDS = ("pk", "division_code", "due_on", "organisation__name", "grounds")


def _revocations(user):
    return scoped(RevocationProposal.objects.filter(status=RevocationStatus.OPEN), user)


def _rev_items(rows) -> list[WorkItem]:
    url = url_for_each("socialorgs:revocation_detail")
    return [
        WorkItem(
            source="socialorgs.revocation",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter=f"撤销登记建议 · {r['grounds']}",
            subject=r["organisation__name"],
            division_code=r["division_code"],
            due_on=r["due_on"],
            url=url(r["pk"]),
            capability=DECIDE,
        )
        for r in rows
    ]


def open_revocations(user, today: date) -> list[WorkItem]:
    if not has_capability(user, DECIDE):
        return []
    return _rev_items(_revocations(user).order_by("due_on", "pk").values(*_REV_FIELDS))


def find_revocation(user, key: str, today: date) -> WorkItem:
    return _found(_rev_items(_revocations(user).filter(pk=record_pk(key)).values(*_REV_FIELDS)))


# --- 年度报告待审查 -----------------------------------------------------------------------------------------
_REPORT_FIELDS = ("pk", "year", "division_code", "organisation__name")


def _reports(user):
    return scoped(AnnualReport.objects.filter(status=ReportStatus.SUBMITTED), user)


def _report_items(rows) -> list[WorkItem]:
    url = url_for_each("socialorgs:report_detail")
    return [
        WorkItem(
            source="socialorgs.report",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter=f"{r['year']}年度报告 · 待出年检结论",
            subject=r["organisation__name"],
            division_code=r["division_code"],
            due_on=None,
            url=url(r["pk"]),
            capability=DECIDE,
        )
        for r in rows
    ]


def open_reports(user, today: date) -> list[WorkItem]:
    if not has_capability(user, DECIDE):
        return []
    return _report_items(
        _reports(user).exclude(entered_by=user).order_by("year", "pk").values(*_REPORT_FIELDS)
    )


def find_report(user, key: str, today: date) -> WorkItem:
    return _found(_report_items(_reports(user).filter(pk=record_pk(key)).values(*_REPORT_FIELDS)))


# --- 等级评估: 待评分, 异议待答复 (15 days), 牌匾证书待退回 (15 days) ---------------------------------------------
_RATING_FIELDS = ("pk", "status", "division_code", "objection_due_on", "plaque_due_on", "organisation__name")


def _ratings(user):
    from django.db.models import Q

    from .models import Rating, RatingStatus

    open_ = (
        Q(status=RatingStatus.APPLIED)
        | Q(objected_on__isnull=False, answered_on__isnull=True)
        | Q(plaque_due_on__isnull=False, plaque_returned_on__isnull=True)
    )
    return scoped(Rating.objects.filter(open_), user)


def _rating_items(rows, user=None) -> list[WorkItem]:
    url = url_for_each("socialorgs:rating_detail")
    items = []
    for r in rows:
        if r["status"] == "applied":
            matter, due, cap = "等级评估 · 待录入评估得分", None, DECIDE
        elif r["plaque_due_on"]:
            matter, due, cap = "等级评估 · 牌匾证书待退回", r["plaque_due_on"], Capability.MANAGE_SOCIALORGS
        else:
            matter, due, cap = "等级评估 · 异议待复核答复", r["objection_due_on"], DECIDE
        if user is not None and not has_capability(user, cap):
            continue
        items.append(
            WorkItem(
                source="socialorgs.rating",
                key=str(r["pk"]),
                domain=DOMAIN,
                matter=matter,
                subject=r["organisation__name"],
                division_code=r["division_code"],
                due_on=due,
                url=url(r["pk"]),
                capability=cap,
            )
        )
    return items


def open_ratings(user, today: date) -> list[WorkItem]:
    return _rating_items(_ratings(user).order_by("pk").values(*_RATING_FIELDS), user)


def find_rating(user, key: str, today: date) -> WorkItem:
    return _found(_rating_items(_ratings(user).filter(pk=record_pk(key)).values(*_RATING_FIELDS)))


# --- 慈善: 认定/公募资格 待决定 (20 days); 募捐情况公开 overdue or due within 15 days (第七十九条) -------------------
_CHARITY_FIELDS = ("pk", "matter", "division_code", "due_on", "organisation__name")
_MATTER = {"recognition": "认定为慈善组织", "fundraising": "公开募捐资格"}
DISCLOSURE_LOOKAHEAD_DAYS = 15


def _charity(user):
    from .models import CharityApplication, CharityStatus

    return scoped(CharityApplication.objects.filter(status=CharityStatus.RECEIVED), user)


def _charity_items(rows) -> list[WorkItem]:
    url = url_for_each("socialorgs:charity_detail")
    return [
        WorkItem(
            source="socialorgs.charity",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter=f"{_MATTER[r['matter']]} · 待决定",
            subject=r["organisation__name"],
            division_code=r["division_code"],
            due_on=r["due_on"],
            url=url(r["pk"]),
            capability=DECIDE,
        )
        for r in rows
    ]


def open_charity(user, today: date) -> list[WorkItem]:
    if not has_capability(user, DECIDE):
        return []
    rows = _charity(user).exclude(received_by=user).order_by("due_on", "pk")
    return _charity_items(rows.values(*_CHARITY_FIELDS))


def find_charity(user, key: str, today: date) -> WorkItem:
    return _found(_charity_items(_charity(user).filter(pk=record_pk(key)).values(*_CHARITY_FIELDS)))


_PLAN_FIELDS = ("pk", "title", "division_code", "disclosure_due_on", "disclosure_final", "organisation__name")


def _plans(user, today: date):
    from datetime import timedelta

    from .models import FundraisingPlan

    horizon = today + timedelta(days=DISCLOSURE_LOOKAHEAD_DAYS)
    return scoped(FundraisingPlan.objects.filter(disclosure_due_on__lte=horizon), user)


def _plan_items(rows) -> list[WorkItem]:
    url = url_for_each("socialorgs:plan_detail")
    return [
        WorkItem(
            source="socialorgs.disclosure",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter="募捐情况 · " + ("结束后待全面公开" if r["disclosure_final"] else "待定期公开"),
            subject=f"{r['organisation__name']}「{r['title']}」",
            division_code=r["division_code"],
            due_on=r["disclosure_due_on"],
            url=url(r["pk"]),
            capability=Capability.MANAGE_SOCIALORGS,
        )
        for r in rows
    ]


def open_disclosures(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.MANAGE_SOCIALORGS):
        return []
    return _plan_items(_plans(user, today).order_by("disclosure_due_on", "pk").values(*_PLAN_FIELDS))


def find_disclosure(user, key: str, today: date) -> WorkItem:
    return _found(_plan_items(_plans(user, today).filter(pk=record_pk(key)).values(*_PLAN_FIELDS)))


# --- 志愿服务: activities over with no service record yet (10 working days, 办法第十一条) ---------------------------
_ACT_FIELDS = ("pk", "name", "division_code", "record_due_on", "organiser")
RECORD_OVERDUE_SHOWN_DAYS = 30


def _activities(user, today: date):
    from datetime import timedelta

    from .models import VolunteerActivity

    rows = VolunteerActivity.objects.filter(
        ends_on__lte=today,
        record_due_on__gte=today - timedelta(days=RECORD_OVERDUE_SHOWN_DAYS),
        records__isnull=True,
    )
    return scoped(rows, user)


def _activity_items(rows) -> list[WorkItem]:
    url = url_for_each("socialorgs:activity_detail")
    return [
        WorkItem(
            source="socialorgs.volunteer_records",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter="志愿服务活动 · 服务记录待录入",
            subject=f"{r['organiser']}「{r['name']}」",
            division_code=r["division_code"],
            due_on=r["record_due_on"],
            url=url(r["pk"]),
            capability=Capability.MANAGE_SOCIALORGS,
        )
        for r in rows
    ]


def open_activity_records(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.MANAGE_SOCIALORGS):
        return []
    return _activity_items(_activities(user, today).order_by("record_due_on", "pk").values(*_ACT_FIELDS))


def find_activity_records(user, key: str, today: date) -> WorkItem:
    return _found(_activity_items(_activities(user, today).filter(pk=record_pk(key)).values(*_ACT_FIELDS)))


SOURCES = [
    WorkSource("socialorgs.application", DOMAIN, "社会组织登记申请", open_applications, find_application),
    WorkSource("socialorgs.listing", DOMAIN, "信用名录列入移出", open_listings, find_listing),
    WorkSource("socialorgs.revocation", DOMAIN, "撤销登记建议", open_revocations, find_revocation),
    WorkSource("socialorgs.report", DOMAIN, "年检结论", open_reports, find_report),
    WorkSource("socialorgs.rating", DOMAIN, "等级评估", open_ratings, find_rating),
    WorkSource("socialorgs.charity", DOMAIN, "慈善组织认定、公开募捐资格", open_charity, find_charity),
    WorkSource("socialorgs.disclosure", DOMAIN, "募捐情况公开", open_disclosures, find_disclosure),
    WorkSource(
        "socialorgs.volunteer_records", DOMAIN, "志愿服务记录", open_activity_records, find_activity_records
    ),
]
