"""慈善: 认定为慈善组织 and 公开募捐资格 (received by a caseworker, decided by reviewing staff within 20 days),
募捐方案备案 (ten days before, or within ten days after an emergency start), 募捐情况公开 recorded as made, and
慈善信托备案 (seven days). Lateness is recorded, not refused: the bureau files what it receives and acts on it."""

from datetime import date

from django.db import transaction

from minzheng.core.models import AuditEvent

from ..errors import InvalidSocialOrgInput, SocialOrgConflict
from ..models import (
    AnnualReport,
    CharityApplication,
    CharityStatus,
    Disclosure,
    FundraisingPlan,
    Organisation,
    OrgStatus,
    Rating,
    RatingStatus,
    TrustFiling,
    TrustFilingKind,
)
from ..rules import charity as rules
from . import parameters, ratings, reports
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


def periods(division_code: str, on: date) -> rules.CharityPeriods:
    return parameters.charity_periods(division_code, on)


def spending_compliant(org: Organisation, year: int) -> bool | None:
    """上一年度慈善活动支出和管理费用符合规定: the 年报's 第六十一条 ratios (``None`` when no report of ``year``)."""
    report = AnnualReport.objects.filter(organisation=org, year=year).first()
    if report is None:
        return None
    r = reports.ratios(report)
    return not (r.spending_short or r.fees_over)


def fundraising_standing(org: Organisation, on: date) -> rules.FundraisingStanding:
    base = ratings.standing(org, on)
    current = (
        Rating.objects.filter(organisation=org, status=RatingStatus.CONFIRMED, valid_to__gte=on)
        .order_by("-valid_to")
        .first()
    )
    return rules.FundraisingStanding(
        charity_since=org.charity_on,
        registered_on=org.registered_on,
        rating_level=current.level if current else None,
        listed=base.listed,
        spending_compliant=spending_compliant(org, on.year - 1),
        penalised_last_year=base.penalised_last_year,
    )


def problems(org: Organisation, matter: rules.CharityMatter, on: date) -> list[str]:
    """What stands between the organisation and approval on ``on`` (认定: the 第九条 conditions are read on the
    documents by staff; the record only knows whether it is already a charity)."""
    if matter == rules.CharityMatter.RECOGNITION:
        return ["已是慈善组织"] if org.charity_on else []
    if org.fundraising_on:
        return ["已取得公开募捐资格"]
    return rules.fundraising_ineligibility(fundraising_standing(org, on), on, periods(org.division_code, on))


def _registered(org: Organisation) -> None:
    if org.status != OrgStatus.REGISTERED:
        raise SocialOrgConflict("该组织已注销或被撤销登记")


@transaction.atomic
def receive(actor, org: Organisation, *, matter: str, received_on: date) -> CharityApplication:
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, org.division_code)
    _registered(org)
    try:
        matter_ = rules.CharityMatter(matter)
    except ValueError:
        raise InvalidSocialOrgInput("请选择申请事项", field="matter") from None
    if received_on > date.today() or received_on < org.registered_on:
        raise InvalidSocialOrgInput("受理日期应在成立登记日期与今天之间", field="received_on")
    if matter_ == rules.CharityMatter.RECOGNITION and org.charity_on:
        raise SocialOrgConflict("该组织已是慈善组织")
    if matter_ == rules.CharityMatter.FUNDRAISING:
        if not org.charity_on:
            raise SocialOrgConflict(
                "该组织尚未登记或认定为慈善组织，不能申请公开募捐资格（《慈善法》第二十二条）"
            )
        if org.fundraising_on:
            raise SocialOrgConflict("该组织已取得公开募捐资格")
    if CharityApplication.objects.filter(
        organisation=org, matter=matter_, status=CharityStatus.RECEIVED
    ).exists():
        raise SocialOrgConflict(f"该组织有待决定的{rules.MATTER_LABELS[matter_]}申请")
    app = CharityApplication.objects.create(
        organisation=org, division_code=org.division_code, matter=matter_, received_on=received_on,
        due_on=rules.decision_due(matter_, received_on, periods(org.division_code, received_on)),
        received_by=actor,
    )  # fmt: skip
    audit(
        actor, AuditEvent.CREATE, app, f"受理{app.get_matter_display()}申请：{org.name}", ["matter", "due_on"]
    )
    return app


@transaction.atomic
def decide(
    actor, app: CharityApplication, *, approve: bool, decided_on: date, note: str
) -> CharityApplication:
    """准予 (认定 / 发给公开募捐资格证书) or 不予 with reasons in writing (第十条, 第二十二条). Approval is refused while
    a condition the records hold is unmet."""
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, app.division_code)
    app = CharityApplication.objects.select_for_update().select_related("organisation").get(pk=app.pk)
    if app.status != CharityStatus.RECEIVED:
        raise SocialOrgConflict("该申请已作出决定")
    not_own_work(actor, app.received_by_id, "申请")
    if decided_on < app.received_on or decided_on > date.today():
        raise InvalidSocialOrgInput("决定日期应在受理日期与今天之间", field="decided_on")
    note = require_text(note, "note", "决定意见（不予的须书面说明理由）", 500, required=not approve)
    org = Organisation.objects.select_for_update().get(pk=app.organisation_id)
    matter = rules.CharityMatter(app.matter)
    if approve:
        found = problems(org, matter, decided_on)
        if found:
            raise InvalidSocialOrgInput("不能准予：" + "；".join(found), field="approve")
        if matter == rules.CharityMatter.RECOGNITION:
            org.charity_on = decided_on
        else:
            org.fundraising_on = decided_on
            app.certificate_number = f"{org.division_code[:6]}{decided_on:%Y}GM{app.pk:05d}"
        org.save(update_fields=["charity_on", "fundraising_on"])
    app.status = CharityStatus.APPROVED if approve else CharityStatus.REJECTED
    app.decided_by, app.decided_on, app.decision_note = actor, decided_on, note
    app.save()
    audit(
        actor, AuditEvent.UPDATE, app, f"{app.get_matter_display()}：{app.get_status_display()}（{org.name}）",
        ["status", "decided_on", "certificate_number"],
    )  # fmt: skip
    return app


PLAN_TEXT = {
    "title": ("公开募捐活动名称", 100),
    "purpose": ("募捐目的", 500),
    "area": ("募捐地域", 100),
    "person_in_charge": ("活动负责人", 50),
    "bank_account": ("银行账户", 40),
    "beneficiaries": ("受益人范围", 300),
    "use": ("募得款物用途", 500),
}


@transaction.atomic
def file_plan(actor, org: Organisation, *, starts_on: date, ends_on: date, filed_on: date, expected_amount,
              emergency: bool = False, **text) -> FundraisingPlan:  # fmt: skip
    """募捐方案备案: only an organisation holding 公开募捐资格 may campaign (第二十二条); each campaign is filed on
    its own (办法第十二条); a filing after the deadline is recorded as late (第一百一十条第八项 is for 执法)."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, org.division_code)
    _registered(org)
    if not org.fundraising_on:
        raise SocialOrgConflict("该组织没有公开募捐资格，不能开展公开募捐（《慈善法》第二十二条）")
    values = {k: require_text(text.get(k, ""), k, label, n) for k, (label, n) in PLAN_TEXT.items()}
    if ends_on < starts_on:
        raise InvalidSocialOrgInput("结束日期不能早于开始日期", field="ends_on")
    if filed_on > date.today():
        raise InvalidSocialOrgInput("备案日期不能晚于今天", field="filed_on")
    if expected_amount is None or expected_amount <= 0:
        raise InvalidSocialOrgInput("预期募集款物数额应大于0", field="expected_amount")
    p = periods(org.division_code, filed_on)
    plan = FundraisingPlan(
        organisation=org, division_code=org.division_code, starts_on=starts_on, ends_on=ends_on,
        emergency=emergency, filed_on=filed_on, expected_amount=expected_amount, filed_by=actor,
        filing_deadline=rules.plan_filing_deadline(starts_on, emergency, p),
        late=rules.plan_filed_late(starts_on, filed_on, emergency, p),
        **values,
    )  # fmt: skip
    _set_next_disclosure(plan, p)
    plan.save()
    audit(
        actor, AuditEvent.CREATE, plan,
        f"募捐方案备案：{org.name}「{plan.title}」{'（逾期备案）' if plan.late else ''}",
        ["starts_on", "ends_on", "emergency", "filed_on", "late"],
    )  # fmt: skip
    return plan


def _set_next_disclosure(plan: FundraisingPlan, p: rules.CharityPeriods) -> None:
    """The clock read by the 待办 and the lists, kept on the row (periods in force when the plan was filed)."""
    disclosed = list(plan.disclosures.values_list("disclosed_on", flat=True)) if plan.pk else []
    due = rules.next_disclosure(plan.starts_on, plan.ends_on, disclosed, p)
    plan.disclosure_due_on = due.due_on if due else None
    plan.disclosure_final = bool(due and due.final)


@transaction.atomic
def record_disclosure(actor, plan: FundraisingPlan, *, disclosed_on: date, summary: str,
                      amount_raised=None) -> Disclosure:  # fmt: skip
    """募捐情况公开 as made by the organisation (on the 慈善中国 platform); one dated after the end is the full one."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, plan.division_code)
    summary = require_text(summary, "summary", "公开内容摘要", 500)
    if disclosed_on < plan.starts_on or disclosed_on > date.today():
        raise InvalidSocialOrgInput("公开日期应在募捐开始日期与今天之间", field="disclosed_on")
    if amount_raised is not None and amount_raised < 0:
        raise InvalidSocialOrgInput("金额不能为负数", field="amount_raised")
    row = Disclosure.objects.create(
        plan=plan, division_code=plan.division_code, disclosed_on=disclosed_on, summary=summary,
        amount_raised=amount_raised, final=disclosed_on > plan.ends_on, recorded_by=actor,
    )  # fmt: skip
    plan = FundraisingPlan.objects.select_for_update().get(pk=plan.pk)
    _set_next_disclosure(plan, periods(plan.division_code, plan.filed_on))
    plan.save(update_fields=["disclosure_due_on", "disclosure_final"])
    audit(
        actor, AuditEvent.CREATE, row, f"募捐情况公开：「{plan.title}」{disclosed_on}",
        ["disclosed_on", "final", "amount_raised"],
    )  # fmt: skip
    return row


TRUST_TEXT = {
    "trust_name": ("慈善信托名称", 100, True),
    "trustee": ("受托人", 100, True),
    "settlor": ("委托人", 200, True),
    "supervisor": ("信托监察人", 100, False),
    "purpose": ("信托目的", 500, True),
}


@transaction.atomic
def file_trust(actor, *, kind: str, signed_on: date, filed_on: date, property_amount, **text) -> TrustFiling:
    """慈善信托备案 with the bureau where the trustee is located (the user's own registry)."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    division = registry_of(actor)
    if kind not in TrustFilingKind.values:
        raise InvalidSocialOrgInput("请选择备案类别", field="kind")
    values = {
        k: require_text(text.get(k, ""), k, label, n, required)
        for k, (label, n, required) in TRUST_TEXT.items()
    }
    if filed_on > date.today() or filed_on < signed_on:
        raise InvalidSocialOrgInput("备案日期应在签订（变更）日期与今天之间", field="filed_on")
    if property_amount is None or property_amount <= 0:
        raise InvalidSocialOrgInput("信托财产应大于0", field="property_amount")
    p = periods(division, signed_on)
    row = TrustFiling.objects.create(
        division_code=division, kind=kind, signed_on=signed_on, filed_on=filed_on,
        property_amount=property_amount, filed_by=actor,
        filing_deadline=rules.trust_filing_deadline(signed_on, p),
        late=rules.trust_filed_late(signed_on, filed_on, p),
        **values,
    )  # fmt: skip
    audit(
        actor, AuditEvent.CREATE, row,
        f"慈善信托{row.get_kind_display()}：{row.trust_name}{'（逾期，不享受税收优惠）' if row.late else ''}",
        ["kind", "signed_on", "filed_on", "late"],
    )  # fmt: skip
    return row
