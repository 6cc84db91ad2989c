"""成立、变更、注销登记: a caseworker receives the application (受理, the 60-day clock starts), reviewing staff
decide (maker-checker); approval issues the certificate and the 统一社会信用代码, applies a change (name history
kept) or deregisters."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.core.errors import InvalidIdNumber
from minzheng.core.identity import parse_resident_id
from minzheng.core.jurisdiction import division_prefix
from minzheng.core.models import AuditEvent

from ..errors import InvalidSocialOrgInput, SocialOrgConflict
from ..models import (
    Application,
    ApplicationKind,
    ApplicationStatus,
    NameRecord,
    Organisation,
    OrgStatus,
    UsccSerial,
)
from ..rules import deadlines
from ..rules import registration as rules
from ..rules.kinds import FORMS_OF, OrgForm, OrgKind
from ..rules.uscc import MAX_SERIAL, social_org_uscc
from . import parameters
from .common import (
    Capability,
    audit,
    check_in_jurisdiction,
    not_own_work,
    own_registry,
    registry_of,
    require,
    require_text,
)

ORG_FIELDS = [
    "name", "address", "purpose", "business_scope", "activity_area", "legal_rep_name",
    "legal_rep_id_number", "funds", "supervisor", "individual_members", "unit_members", "full_time_staff",
]  # fmt: skip
CHANGEABLE = [f for f in ORG_FIELDS if f != "legal_rep_id_number"] + ["legal_rep_id_number"]


@dataclass
class Particulars:
    """登记事项 as an application states them (社团 第十二条, 民非 第十二条, 基金会 第十一条)."""

    name: str
    address: str = ""
    purpose: str = ""
    business_scope: str = ""
    activity_area: str = ""
    legal_rep_name: str = ""
    legal_rep_id_number: str = ""
    funds: Decimal = Decimal(0)
    funds_in_cash: bool = True
    supervisor: str = ""
    supervisor_approved_on: date | None = None
    individual_members: int = 0
    unit_members: int = 0
    full_time_staff: int = 0
    extra: dict = field(default_factory=dict)


def _clean_id(number: str) -> str:
    try:
        return parse_resident_id(number).number
    except InvalidIdNumber as error:
        raise InvalidSocialOrgInput(
            f"法定代表人身份证号码：{error.message}", field="legal_rep_id_number"
        ) from None


def _clean(p: Particulars, received_on: date) -> dict:
    if p.supervisor_approved_on and p.supervisor_approved_on > received_on:
        raise InvalidSocialOrgInput(
            "业务主管单位审查同意日期不能晚于受理日期", field="supervisor_approved_on"
        )
    if p.funds < 0:
        raise InvalidSocialOrgInput("注册资金不能为负数", field="funds")
    return {
        "name": require_text(p.name, "name", "名称", 100),
        "address": require_text(p.address, "address", "住所", 200),
        "purpose": require_text(p.purpose, "purpose", "宗旨", 500),
        "business_scope": require_text(p.business_scope, "business_scope", "业务范围", 500),
        "activity_area": require_text(p.activity_area, "activity_area", "活动地域", 100),
        "legal_rep_name": require_text(p.legal_rep_name, "legal_rep_name", "法定代表人（负责人）", 50),
        "legal_rep_id_number": _clean_id(p.legal_rep_id_number),
        "funds": p.funds,
        "funds_in_cash": p.funds_in_cash,
        "supervisor": require_text(p.supervisor, "supervisor", "业务主管单位", 100),
        "supervisor_approved_on": p.supervisor_approved_on,
        "individual_members": p.individual_members,
        "unit_members": p.unit_members,
        "full_time_staff": p.full_time_staff,
    }


def shortfalls(app: Application) -> list[rules.Shortfall]:
    """The conditions of the organisation's kind that the application does not meet (empty: registrable)."""
    t = parameters.thresholds(app.division_code, app.received_on)
    return rules.registration_shortfalls(
        rules.Application(
            kind=OrgKind(app.org_kind),
            form=OrgForm(app.org_form),
            name=app.name,
            national=False,  # every registry on this platform is local (全国性 organisations register with 民政部)
            individual_members=app.individual_members,
            unit_members=app.unit_members,
            funds=app.funds,
            funds_in_cash=app.funds_in_cash,
            has_address=bool(app.address.strip()),
            has_staff=app.full_time_staff > 0,
            supervisor_approved=app.supervisor_approved_on is not None,
        ),
        t,
    )


def conflicts(app: Application) -> list[rules.Shortfall]:
    """What the registry itself must check: the name is free in the registry; one person is not 法定代表人
    of two 社会团体 (《社会团体登记管理条例》第十二条) — checked over every registry on the platform, without
    naming the other organisation (it may be another region's)."""
    found = []
    others = Organisation.objects.filter(status=OrgStatus.REGISTERED)
    if app.organisation_id:
        others = others.exclude(pk=app.organisation_id)
    if others.filter(division_code=app.division_code, name=app.name).exists():
        found.append(
            rules.Shortfall("name", f"本登记管理机关已登记名称为“{app.name}”的社会组织，名称不得重复")
        )
    if (
        app.org_kind == OrgKind.ASSOCIATION
        and app.legal_rep_id_number
        and others.filter(kind=OrgKind.ASSOCIATION, legal_rep_id_number=app.legal_rep_id_number).exists()
    ):
        found.append(
            rules.Shortfall(
                "legal_rep_id_number",
                "该法定代表人已担任其他社会团体的法定代表人，不得同时担任（《社会团体登记管理条例》第十二条）",
            )
        )
    return found


def _due(registry: str, received_on: date) -> date:
    return deadlines.decision_due(received_on, parameters.integer("decision_days", registry, received_on))


@transaction.atomic
def receive_establishment(
    actor, *, org_kind: str, org_form: str, particulars: Particulars, received_on: date
) -> Application:
    """受理成立登记申请: the registry is the actor's bureau; the decision is due 60 days after receipt."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    registry = registry_of(actor)
    if org_kind not in [k.value for k in OrgKind]:
        raise InvalidSocialOrgInput("请选择组织类型", field="org_kind")
    if org_form not in [f.value for f in FORMS_OF[OrgKind(org_kind)]]:
        raise InvalidSocialOrgInput(
            "登记形式与组织类型不符（社会服务机构：法人/合伙/个体；基金会：公募/非公募）", field="org_form"
        )
    if received_on > date.today():
        raise InvalidSocialOrgInput("受理日期不能晚于今天", field="received_on")
    values = _clean(particulars, received_on)
    app = Application.objects.create(
        kind=ApplicationKind.ESTABLISH,
        division_code=registry,
        org_kind=org_kind,
        org_form=org_form,
        received_on=received_on,
        due_on=_due(registry, received_on),
        received_by=actor,
        **values,
    )
    audit(
        actor, AuditEvent.CREATE, app, f"受理成立登记申请：{app.name}", ["kind", "name", "org_kind", "due_on"]
    )
    return app


@transaction.atomic
def receive_change(
    actor, organisation: Organisation, *, particulars: Particulars, received_on: date, reason: str
) -> Application:
    """受理变更登记申请 (社团 第十八条, 民非 第十五条: within 30 days of the 业务主管单位's approval; a late
    application is received and marked, the lateness is for the decision to weigh)."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, organisation.division_code)
    if organisation.status != OrgStatus.REGISTERED:
        raise SocialOrgConflict("该组织已注销或被撤销登记，不能办理变更")
    if Application.objects.filter(organisation=organisation, status=ApplicationStatus.RECEIVED).exists():
        raise SocialOrgConflict("该组织有尚未决定的登记申请，请先办结")
    if received_on > date.today():
        raise InvalidSocialOrgInput("受理日期不能晚于今天", field="received_on")
    if particulars.supervisor_approved_on is None:
        raise InvalidSocialOrgInput("请填写业务主管单位审查同意日期", field="supervisor_approved_on")
    values = _clean(particulars, received_on)
    changed = [f for f in CHANGEABLE if values[f] != getattr(organisation, f)]
    if not changed:
        raise InvalidSocialOrgInput("申请事项与现登记事项相同，没有变更内容", field="name")
    days = parameters.integer("change_days", organisation.division_code, received_on)
    limit = deadlines.change_due(particulars.supervisor_approved_on, days)
    app = Application.objects.create(
        kind=ApplicationKind.CHANGE,
        organisation=organisation,
        division_code=organisation.division_code,
        org_kind=organisation.kind,
        org_form=organisation.form,
        received_on=received_on,
        due_on=_due(organisation.division_code, received_on),
        received_by=actor,
        reason=require_text(reason, "reason", "变更事由", 300),
        late_filing=(f"超过变更申请期限（应于{limit:%Y-%m-%d}前申请）" if received_on > limit else ""),
        **values,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        app,
        f"受理变更登记申请：{organisation.name}（{'、'.join(changed)}）",
        ["kind", "name", "due_on", "late_filing"],
    )
    return app


@transaction.atomic
def receive_deregistration(
    actor, organisation: Organisation, *, liquidated_on: date, received_on: date, reason: str
) -> Application:
    """受理注销登记申请 (社团 第二十一条, 民非 第十七条: within 15 days of the end of liquidation)."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, organisation.division_code)
    if organisation.status != OrgStatus.REGISTERED:
        raise SocialOrgConflict("该组织已注销或被撤销登记")
    if Application.objects.filter(organisation=organisation, status=ApplicationStatus.RECEIVED).exists():
        raise SocialOrgConflict("该组织有尚未决定的登记申请，请先办结")
    if received_on > date.today():
        raise InvalidSocialOrgInput("受理日期不能晚于今天", field="received_on")
    if liquidated_on > received_on:
        raise InvalidSocialOrgInput("清算结束日期不能晚于受理日期", field="liquidated_on")
    days = parameters.integer("deregistration_days", organisation.division_code, received_on)
    limit = deadlines.deregistration_due(liquidated_on, days)
    o = organisation
    app = Application.objects.create(
        kind=ApplicationKind.DEREGISTER,
        organisation=o,
        division_code=o.division_code,
        org_kind=o.kind,
        org_form=o.form,
        **{f: getattr(o, f) for f in ORG_FIELDS},
        liquidated_on=liquidated_on,
        received_on=received_on,
        due_on=_due(o.division_code, received_on),
        received_by=actor,
        reason=require_text(reason, "reason", "注销事由", 300),
        late_filing=(f"超过注销申请期限（应于{limit:%Y-%m-%d}前申请）" if received_on > limit else ""),
    )
    audit(actor, AuditEvent.CREATE, app, f"受理注销登记申请：{o.name}", ["kind", "liquidated_on", "due_on"])
    return app


def issue_uscc(kind: str, registry_code: str) -> str:
    """The next code of the registry (row-locked counter; a code already held is skipped)."""
    code6 = division_prefix(registry_code).ljust(6, "0")[:6]
    # the first code of a registry: two decisions may create its counter at once — insert-or-ignore, then lock
    UsccSerial.objects.bulk_create([UsccSerial(registry_code=code6)], ignore_conflicts=True)
    serial = UsccSerial.objects.select_for_update().get(registry_code=code6)
    while True:
        serial.last += 1
        if serial.last > MAX_SERIAL:
            raise SocialOrgConflict("本登记管理机关的统一社会信用代码号段已用完，请联系系统管理员")
        code = social_org_uscc(OrgKind(kind), code6, serial.last)
        if not Organisation.objects.filter(uscc=code).exists():
            serial.save(update_fields=["last"])
            return code


def _certificate_number(org: Organisation) -> str:
    return f"{division_prefix(org.division_code)[:6]}-{org.registered_on:%Y}-{org.pk:06d}"


@transaction.atomic
def decide(actor, app: Application, *, approve: bool, decided_on: date, note: str) -> Application:
    """准予/不准予登记. Approval is refused while a condition is unmet or the registry finds a conflict."""
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, app.division_code)
    app = Application.objects.select_for_update().get(pk=app.pk)
    if app.status != ApplicationStatus.RECEIVED:
        raise SocialOrgConflict("该申请已作出决定")
    not_own_work(actor, app.received_by_id, "登记申请")
    if decided_on < app.received_on or decided_on > date.today():
        raise InvalidSocialOrgInput("决定日期应在受理日期与今天之间", field="decided_on")
    note = require_text(note, "note", "决定意见", 500, required=not approve)
    if approve and app.kind != ApplicationKind.DEREGISTER:
        problems = shortfalls(app) + conflicts(app)
        if problems:
            raise InvalidSocialOrgInput(
                "不能准予登记：" + "；".join(p.message for p in problems), field="approve"
            )
    app.status = ApplicationStatus.APPROVED if approve else ApplicationStatus.REJECTED
    app.decided_by, app.decided_on, app.decision_note = actor, decided_on, note
    if approve:
        {
            ApplicationKind.ESTABLISH: _establish,
            ApplicationKind.CHANGE: _change,
            ApplicationKind.DEREGISTER: _deregister,
        }[ApplicationKind(app.kind)](actor, app)
    app.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        app,
        f"{app.get_kind_display()}：{app.get_status_display()}（{app.name}）",
        ["status", "decided_on", "organisation"],
    )
    return app


def _establish(actor, app: Application) -> None:
    org = Organisation.objects.create(
        uscc=issue_uscc(app.org_kind, app.division_code),
        kind=app.org_kind,
        form=app.org_form,
        division_code=app.division_code,
        registered_on=app.decided_on,
        **{f: getattr(app, f) for f in ORG_FIELDS},
    )
    org.certificate_number = _certificate_number(org)
    org.save(update_fields=["certificate_number"])
    NameRecord.objects.create(organisation=org, name=org.name, valid_from=org.registered_on)
    app.organisation = org
    audit(
        actor,
        AuditEvent.CREATE,
        org,
        f"准予成立登记：{org.name}，统一社会信用代码{org.uscc}",
        ["uscc", "name", "kind", "form", "registered_on"],
    )


def _change(actor, app: Application) -> None:
    org = Organisation.objects.select_for_update().get(pk=app.organisation_id)
    before = {f: str(getattr(org, f)) for f in CHANGEABLE}
    if app.name != org.name:
        NameRecord.objects.filter(organisation=org, valid_to__isnull=True).update(valid_to=app.decided_on)
        NameRecord.objects.create(organisation=org, name=app.name, valid_from=app.decided_on)
    for f in CHANGEABLE:
        setattr(org, f, getattr(app, f))
    org.save()
    audit(actor, AuditEvent.UPDATE, org, f"准予变更登记：{org.name}", CHANGEABLE, before=before)


def _deregister(actor, app: Application) -> None:
    org = Organisation.objects.select_for_update().get(pk=app.organisation_id)
    org.status, org.ended_on = OrgStatus.DEREGISTERED, app.decided_on
    org.save(update_fields=["status", "ended_on"])
    NameRecord.objects.filter(organisation=org, valid_to__isnull=True).update(valid_to=app.decided_on)
    audit(actor, AuditEvent.UPDATE, org, f"准予注销登记：{org.name}", ["status", "ended_on"])
