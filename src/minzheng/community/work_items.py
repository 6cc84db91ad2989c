"""基层治理's work for the one 待办 (``core.work_items``): voter lists to publish (by the election day minus 20
days), objections to answer (3 days), results to record (from the election day), 村务公开 items to publish.
One query per kind; rows read as values."""

from datetime import date

from django.http import Http404

from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import DisclosureItem, ElectionRound, Objection, RoundStatus
from .models.choices import DisclosureCategory
from .selectors.common import scoped

DOMAIN = "基层治理"
MANAGE = Capability.MANAGE_COMMUNITY
_CATEGORY = dict(DisclosureCategory.choices)


def _found(items: list[WorkItem]) -> WorkItem:
    if not items:
        raise Http404("记录不存在或不在您的管辖范围内")
    return items[0]


def _allowed(user) -> bool:
    return has_capability(user, MANAGE)


# --- 换届: voter list to publish, results to record -------------------------------------------------------
_ROUND_FIELDS = (
    "pk",
    "status",
    "division_code",
    "publish_by",
    "election_on",
    "committee__name",
    "term_number",
)


def _rounds(user):
    return scoped(
        ElectionRound.objects.filter(status__in=[RoundStatus.PREPARING, RoundStatus.PUBLISHED]), user
    )


def _round_items(rows) -> list[WorkItem]:
    url = url_for_each("community:round_detail")
    items = []
    for r in rows:
        preparing = r["status"] == RoundStatus.PREPARING
        items.append(
            WorkItem(
                source="community.round",
                key=str(r["pk"]),
                domain=DOMAIN,
                matter=f"第{r['term_number']}届换届 · "
                + ("待公布选民名单" if preparing else "待登记选举结果"),
                subject=r["committee__name"],
                division_code=r["division_code"],
                due_on=r["publish_by"] if preparing else r["election_on"],
                url=url(r["pk"]),
                capability=MANAGE,
            )
        )
    return items


def open_rounds(user, today: date) -> list[WorkItem]:
    if not _allowed(user):
        return []
    return _round_items(_rounds(user).order_by("publish_by", "pk").values(*_ROUND_FIELDS))


def find_round(user, key: str, today: date) -> WorkItem:
    return _found(_round_items(_rounds(user).filter(pk=record_pk(key)).values(*_ROUND_FIELDS)))


# --- 选民名单申诉 -------------------------------------------------------------------------------------------
_OBJ_FIELDS = ("pk", "round_id", "round__division_code", "answer_by", "complainant", "round__committee__name")


def _objections(user):
    return scoped(Objection.objects.filter(answered_on__isnull=True), user, "round__division_code")


def _objection_items(rows) -> list[WorkItem]:
    url = url_for_each("community:round_detail")
    return [
        WorkItem(
            source="community.objection",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter="选民名单申诉 · 待处理",
            subject=f"{r['round__committee__name']}（申诉人{r['complainant'][:1]}某）",
            division_code=r["round__division_code"],
            due_on=r["answer_by"],
            url=url(r["round_id"]),
            capability=MANAGE,
        )
        for r in rows
    ]


def open_objections(user, today: date) -> list[WorkItem]:
    if not _allowed(user):
        return []
    return _objection_items(_objections(user).order_by("answer_by", "pk").values(*_OBJ_FIELDS))


def find_objection(user, key: str, today: date) -> WorkItem:
    return _found(_objection_items(_objections(user).filter(pk=record_pk(key)).values(*_OBJ_FIELDS)))


# --- 村务公开 ----------------------------------------------------------------------------------------------
_DISC_FIELDS = ("pk", "category", "period", "division_code", "due_on", "committee__name")


def _disclosures(user):
    return scoped(DisclosureItem.objects.filter(published_on__isnull=True), user)


def _disclosure_items(rows) -> list[WorkItem]:
    url = url_for_each("community:disclosure_detail")
    return [
        WorkItem(
            source="community.disclosure",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter=f"村务公开 · {_CATEGORY[r['category']]}",
            subject=f"{r['committee__name']} {r['period']}",
            division_code=r["division_code"],
            due_on=r["due_on"],
            url=url(r["pk"]),
            capability=MANAGE,
        )
        for r in rows
    ]


def open_disclosures(user, today: date) -> list[WorkItem]:
    """Items within a month of their due day or past it (the rest of the year's plan is not yet work)."""
    if not _allowed(user):
        return []
    from datetime import timedelta

    rows = _disclosures(user).filter(due_on__lte=today + timedelta(days=30)).order_by("due_on", "pk")
    return _disclosure_items(rows.values(*_DISC_FIELDS))


def find_disclosure(user, key: str, today: date) -> WorkItem:
    return _found(_disclosure_items(_disclosures(user).filter(pk=record_pk(key)).values(*_DISC_FIELDS)))


SOURCES = [
    WorkSource("community.round", DOMAIN, "换届选举", open_rounds, find_round),
    WorkSource("community.objection", DOMAIN, "选民名单申诉", open_objections, find_objection),
    WorkSource("community.disclosure", DOMAIN, "村务公开", open_disclosures, find_disclosure),
]
