"""寻亲: every action logged, missing-person reports, the matcher's proposals (易走失人员信息库 first) and the
caseworker's confirmation, which makes the client identified."""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from minzheng.core.models import AuditEvent

from ..errors import InvalidRescueInput, RescueConflict
from ..models import (
    ActionKind,
    Client,
    MatchProposal,
    MissingReport,
    ProposalStatus,
    RoomSex,
    TracingAction,
    WanderRisk,
)
from ..rules.matching import Profile, feature_tokens, rank
from .common import audit, check_handler, division_code_of, limit, require_text

AGE_SPREAD = 5  # an estimated age is read as ± 5 years


@transaction.atomic
def log_action(
    actor, client: Client, *, kind: str, at: datetime, reference: str = "", note: str = ""
) -> TracingAction:
    """Log a 寻亲 step (2015 意见: 公告, DNA 协查 and its result, 人脸识别, 头条寻人, 联系原籍)."""
    check_handler(actor, client.division_code)
    if kind not in ActionKind.values or kind == ActionKind.IDENTIFIED:
        raise InvalidRescueInput("请选择寻亲措施", field="kind")
    if at is None:
        raise InvalidRescueInput("请填写时间", field="at")
    if at < client.admitted_at or at > timezone.now() + timezone.timedelta(minutes=5):
        raise InvalidRescueInput("时间应在入站之后、不晚于现在", field="at")
    if kind == ActionKind.DNA_RESULT and not client.actions.filter(kind=ActionKind.DNA_REQUEST).exists():
        raise RescueConflict("尚未函请公安机关采集DNA，不能登记比对结果", field="kind")
    action = TracingAction.objects.create(
        client=client, kind=kind, at=at, actor=actor,
        reference=require_text(reference, "reference", "编号或渠道", 100, required=False),
        note=require_text(note, "note", "说明", 300, required=False),
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, client, f"{client.number}寻亲：{action.get_kind_display()}", ["number"])
    return action


def _age_range(age: int | None) -> tuple[int | None, int | None]:
    return (None, None) if age is None else (max(0, age - AGE_SPREAD), age + AGE_SPREAD)


def client_profile(client: Client, on: date) -> Profile:
    low, high = (
        (client.estimated_age, client.estimated_age)
        if client.identified
        else _age_range(client.estimated_age)
    )
    return Profile(
        f"c{client.pk}", client.name, client.sex, low, high, client.found_code or client.hometown_code,
        client.found_place or client.hometown_text, feature_tokens(client.features),
    )  # fmt: skip


def registry_profile(entry: WanderRisk, on: date) -> Profile:
    age = (on.year - entry.birth_date.year - ((on.month, on.day) < (entry.birth_date.month, entry.birth_date.day))
           if entry.birth_date else None)  # fmt: skip
    return Profile(f"w{entry.pk}", entry.name, entry.sex, age, age, entry.division_code, entry.address,
                   feature_tokens(entry.features))  # fmt: skip


def report_profile(report: MissingReport, on: date) -> Profile:
    age = on.year - report.birth_year if report.birth_year else None
    low, high = (None, None) if age is None else (age - 1, age)
    return Profile(f"r{report.pk}", report.name, report.sex, low, high, report.home_code, report.last_seen,
                   feature_tokens(report.features))  # fmt: skip


def _reasons(parts) -> str:
    return "；".join(f"{label}{round(value * 100)}%" for label, value in parts)[:200]


def _propose(client: Client, matches, field: str, rows: dict) -> list[MatchProposal]:
    existing = set(
        MatchProposal.objects.filter(client=client)
        .exclude(**{f"{field}__isnull": True})
        .values_list(field, flat=True)
    )
    new = [
        MatchProposal(client=client, score=m.percent, reasons=_reasons(m.parts), **{field: rows[m.key]})
        for m in matches
        if rows[m.key].pk not in existing
    ]
    return MatchProposal.objects.bulk_create(new)


def _candidates(queryset, sex: str):
    return queryset.filter(sex=sex) if sex in RoomSex.values else queryset


def propose_matches(actor, client: Client) -> list[MatchProposal]:
    """Score the 易走失人员信息库 first, then the open missing-person reports, against ``client``; every
    candidate at or above the threshold in force becomes a proposal for the caseworker (never an automatic
    identification). Registrations and reports from anywhere are compared: wandering crosses county lines."""
    check_handler(actor, client.division_code)
    if client.identified or not client.in_station:
        return []
    on = timezone.localtime(client.admitted_at).date()
    threshold = limit("rescue_match_threshold", client.division_code, on) / 100
    query = client_profile(client, on)
    entries = {f"w{e.pk}": e for e in _candidates(WanderRisk.objects.all(), client.sex)}
    found = _propose(client, rank(query, [registry_profile(e, on) for e in entries.values()], threshold=threshold),
                     "wander_risk", entries)  # fmt: skip
    reports = {f"r{r.pk}": r for r in _candidates(MissingReport.objects.filter(closed=False), client.sex)}
    found += _propose(client, rank(query, [report_profile(r, on) for r in reports.values()], threshold=threshold),
                      "report", reports)  # fmt: skip
    if found:
        audit(
            actor, AuditEvent.UPDATE, client, f"{client.number}寻亲比对：提出{len(found)}个候选", ["number"]
        )
    return found


def _match_open_clients(actor, field: str, row, profile) -> int:
    """A new registration or report against the clients in stations of the actor's jurisdiction."""
    from minzheng.core.jurisdiction import division_prefix

    clients = Client.objects.filter(discharge="", identified=False, sex=row.sex,
                                    division_code__startswith=division_prefix(actor.division_code))  # fmt: skip
    made = 0
    for client in clients:
        on = timezone.localtime(client.admitted_at).date()
        threshold = limit("rescue_match_threshold", client.division_code, on) / 100
        matches = rank(client_profile(client, on), [profile(row, on)], threshold=threshold)
        made += len(_propose(client, matches, field, {profile(row, on).key: row}))
    return made


@transaction.atomic
def register_report(
    actor, *, reported_on: date, reporter: str, name: str, sex: str, division_code: str, reporter_phone: str = "",
    birth_year: int | None = None, home_code: str = "", last_seen: str = "", features: str = "",
) -> MissingReport:  # fmt: skip
    """寻人报告 from a family or the police (公安机关 通报救助站); compared at once with the clients in station."""
    check_handler(actor, division_code_of(division_code, "division_code", "受理区划代码"))
    if sex not in RoomSex.values:
        raise InvalidRescueInput("请选择性别", field="sex")
    if reported_on is None or reported_on > timezone.localdate():
        raise InvalidRescueInput("报告日期不能为空或晚于今天", field="reported_on")
    if birth_year is not None and not 1880 <= int(birth_year) <= reported_on.year:
        raise InvalidRescueInput("出生年份不合理", field="birth_year")
    report = MissingReport.objects.create(
        division_code=division_code, reported_on=reported_on, reporter=require_text(reporter, "reporter", "报告人", 50),
        reporter_phone=require_text(reporter_phone, "reporter_phone", "联系电话", 20, required=False),
        name=require_text(name, "name", "走失人员姓名", 50), sex=sex, birth_year=birth_year,
        home_code=division_code_of(home_code, "home_code", "住所地区划代码", required=False),
        last_seen=require_text(last_seen, "last_seen", "走失地点", 200, required=False),
        features=require_text(features, "features", "体貌特征", 300, required=False),
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, report, f"登记寻人报告：{report.reporter}报告", ["reported_on", "sex"])
    _match_open_clients(actor, "report", report, report_profile)
    return report


@transaction.atomic
def decide_proposal(actor, proposal: MatchProposal, *, confirm: bool) -> MatchProposal:
    """The caseworker confirms (the client is identified as the candidate; the other proposals are set aside)
    or rejects a proposal."""
    client = proposal.client
    check_handler(actor, client.division_code)
    if proposal.status != ProposalStatus.PROPOSED:
        raise RescueConflict("该候选已处理", field="proposal")
    proposal.status = ProposalStatus.CONFIRMED if confirm else ProposalStatus.REJECTED
    proposal.decided_by = actor
    proposal.save(update_fields=["status", "decided_by"])
    if confirm:
        candidate = proposal.wander_risk or proposal.report
        identify(actor, client, name=candidate.name, id_number=getattr(candidate, "id_number", ""),
                 hometown_code=getattr(candidate, "division_code", "") if proposal.wander_risk else candidate.home_code,
                 hometown_text=getattr(candidate, "address", "") or getattr(candidate, "last_seen", ""),
                 reference=f"寻亲比对匹配度{proposal.score}")  # fmt: skip
        if proposal.report_id:
            MissingReport.objects.filter(pk=proposal.report_id).update(closed=True)
    audit(
        actor,
        AuditEvent.UPDATE,
        client,
        f"{client.number}寻亲候选{proposal.get_status_display()}",
        ["number"],
    )
    return proposal


@transaction.atomic
def identify(actor, client: Client, *, name: str, id_number: str = "", hometown_code: str = "",
             hometown_text: str = "", reference: str = "") -> Client:  # fmt: skip
    """身份查明: the client becomes identified (and counts in 查明身份接送返回率)."""
    from minzheng.core.errors import InvalidIdNumber
    from minzheng.core.identity import parse_resident_id

    check_handler(actor, client.division_code)
    if client.identified:
        raise RescueConflict("身份已查明", field="name")
    before = {"identified": False, "name": client.name}
    client.name = require_text(name, "name", "姓名", 50)
    if id_number:
        try:
            client.id_number = parse_resident_id(id_number).number
        except InvalidIdNumber as error:
            raise InvalidRescueInput(error.message, field="id_number") from None
    client.hometown_code = division_code_of(hometown_code, "hometown_code", "户籍地区划代码", required=False)
    client.hometown_text = require_text(hometown_text, "hometown_text", "户籍地", 100, required=False)
    client.identified = True
    client.save(update_fields=["name", "id_number", "hometown_code", "hometown_text", "identified"])
    client.proposals.filter(status=ProposalStatus.PROPOSED).update(status=ProposalStatus.REJECTED)  # moot now
    TracingAction.objects.create(client=client, kind=ActionKind.IDENTIFIED, at=timezone.now(), actor=actor,
                                 reference=reference[:100])  # fmt: skip
    audit(
        actor, AuditEvent.UPDATE, client, f"{client.number}身份查明", ["identified", "hometown_code"], before
    )
    return client
