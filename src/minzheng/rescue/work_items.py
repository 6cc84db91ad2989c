"""救助管理's work for the one 待办 (``core.work_items``): the clocks of domain-rules-2 §7.3 — 寻亲公告 within 24 h
for the unidentified, the 10-day 救助期限 without a filed extension, DNA results due 1 month after the request,
头条寻人 after 1 month, 长期滞留 over 3 months (落户安置; minors to 儿童福利), and matcher proposals to confirm.
Limits are the ones in force for the user's division (policy store); one query per kind, rows read as values.
"""

from datetime import date, timedelta

from django.db.models import Exists, Max, Min, OuterRef, Q
from django.http import Http404
from django.utils import timezone

from minzheng.core.identity import mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, url_for_each

from .models import ActionKind, Client, ProposalStatus, TracingAction
from .rules import clocks
from .selectors.common import scoped
from .services.common import limit

DOMAIN = "流浪乞讨人员救助"
SOON = 2  # days ahead a clock enters the 待办
_FIELDS = ("pk", "number", "division_code", "name", "identified", "estimated_age", "admitted_at")


def _has(kind: str):
    return Exists(TracingAction.objects.filter(client=OuterRef("pk"), kind=kind))


def _first(kind: str):
    return Min("actions__at", filter=Q(actions__kind=kind))


def _in_station(user):
    return scoped(Client.objects.filter(discharge=""), user)


def _item(source: str, row: dict, matter: str, due: date | None) -> WorkItem:
    return WorkItem(
        source=source, key=str(row["pk"]), domain=DOMAIN, matter=matter,
        subject=mask_name(row["name"]) if row["name"] else f"身份不明（约{row['estimated_age']}岁）",
        division_code=row["division_code"], due_on=due, url=url_for_each("rescue:client_detail")(row["pk"]),
        capability=Capability.MANAGE_RESCUE, reference=row["number"],
    )  # fmt: skip


def _day(at) -> date:
    return timezone.localtime(at).date()


def notices(user, today: date) -> list[WorkItem]:
    hours = limit("rescue_notice_hours", user.division_code, today)
    rows = _in_station(user).filter(identified=False).exclude(_has(ActionKind.NOTICE)).order_by("admitted_at")
    return [_item("rescue.notice", r, "身份不明 · 24小时内发布寻亲公告", _day(clocks.notice_due_at(r["admitted_at"], hours)))
            for r in rows.values(*_FIELDS)]  # fmt: skip


def stays(user, today: date) -> list[WorkItem]:
    days = limit("rescue_stay_days", user.division_code, today)
    rows = _in_station(user).annotate(extended=Max("extensions__until")).order_by("admitted_at")
    out = []
    for r in rows.values(*_FIELDS, "extended"):
        ends = clocks.stay_ends_on(_day(r["admitted_at"]), days, r["extended"])
        if ends <= today + timedelta(days=SOON):
            out.append(_item("rescue.stay", r, f"救助期限届满（{days}天）· 离站或报备延长", ends))
    return out


def dna_results(user, today: date) -> list[WorkItem]:
    months = limit("rescue_dna_result_months", user.division_code, today)
    rows = (_in_station(user).filter(_has(ActionKind.DNA_REQUEST)).exclude(_has(ActionKind.DNA_RESULT))
            .annotate(requested=_first(ActionKind.DNA_REQUEST)).order_by("admitted_at"))  # fmt: skip
    return [_item("rescue.dna", r, "DNA比对结果 · 逾期请督促公安机关反馈",
                  clocks.dna_result_due_on(_day(r["requested"]), months)) for r in rows.values(*_FIELDS, "requested")]  # fmt: skip


def toutiao(user, today: date) -> list[WorkItem]:
    months = limit("rescue_toutiao_after_months", user.division_code, today)
    rows = (
        _in_station(user).filter(identified=False).exclude(_has(ActionKind.TOUTIAO)).order_by("admitted_at")
    )
    out = []
    for r in rows.values(*_FIELDS):
        due = clocks.toutiao_due_on(_day(r["admitted_at"]), months)
        if due <= today + timedelta(days=SOON):
            out.append(_item("rescue.toutiao", r, "滞留超过1个月 · 头条寻人推送、人脸识别比对", due))
    return out


def settlements(user, today: date) -> list[WorkItem]:
    """长期滞留: a minor's 落户 goes through 儿童福利 — children.interface offers no function for it yet, so the
    item tells the caseworker to hand the child over (ADR 0037)."""
    months = limit("rescue_settlement_after_months", user.division_code, today)
    rows = _in_station(user).filter(identified=False).order_by("admitted_at")
    out = []
    for r in rows.values(*_FIELDS):
        admitted = _day(r["admitted_at"])
        if clocks.is_settlement_candidate(admitted, today, months, False):
            matter = ("长期滞留未成年人 · 移交儿童福利机构办理落户" if clocks.is_minor(r["estimated_age"])
                      else f"长期滞留超过{months}个月 · 落户安置")  # fmt: skip
            out.append(
                _item("rescue.settlement", r, matter, clocks.settlement_candidate_from(admitted, months))
            )
    return out


def proposals(user, today: date) -> list[WorkItem]:
    clients = (
        _in_station(user).filter(proposals__status=ProposalStatus.PROPOSED).distinct().order_by("admitted_at")
    )
    return [_item("rescue.match", r, "寻亲比对候选 · 待确认", None) for r in clients.values(*_FIELDS)]


def _guarded(read):
    def open_items(user, today: date) -> list[WorkItem]:
        return read(user, today) if has_capability(user, Capability.MANAGE_RESCUE) else []

    def find(user, key: str, today: date) -> WorkItem:
        found = [item for item in open_items(user, today) if item.key == key]
        if not found:
            raise Http404("记录不存在或不在您的管辖范围内")
        return found[0]

    return open_items, find


SOURCES = [
    WorkSource("rescue.notice", DOMAIN, "寻亲公告", *_guarded(notices)),
    WorkSource("rescue.stay", DOMAIN, "救助期限", *_guarded(stays)),
    WorkSource("rescue.dna", DOMAIN, "DNA比对", *_guarded(dna_results)),
    WorkSource("rescue.toutiao", DOMAIN, "头条寻人", *_guarded(toutiao)),
    WorkSource("rescue.settlement", DOMAIN, "长期滞留", *_guarded(settlements)),
    WorkSource("rescue.match", DOMAIN, "寻亲比对", *_guarded(proposals)),
]
