"""儿童档案: open a child's file, record category flags, parents' situations, 委托照护 and contacts."""

from datetime import date

from django.db import transaction

from minzheng.core.identity import age_on
from minzheng.core.models import AuditEvent, Household, HouseholdMembership

from ..errors import ChildrenConflict, InvalidChildInput
from ..models import (
    CareContact,
    CategoryFlag,
    ChildRecord,
    ChildVisit,
    ContactMethod,
    EntrustedCare,
    ParentCondition,
    ParentRole,
    ParentStatus,
    VisitMethod,
)
from ..rules import care, categories, guardianship
from . import allowances
from .common import (
    Capability,
    age_limits,
    audit,
    check_in_jurisdiction,
    condition_months,
    not_future,
    require,
    require_text,
)

_RECORD_FIELDS = ["person", "division_code", "school", "handler", "registered_on", "ended_on", "end_reason"]
_FLAG_FIELDS = ["category", "valid_from", "valid_to", "evidence", "end_reason"]


@transaction.atomic
def open_record(actor, *, person, registered_on: date, school: str = "", handler=None) -> ChildRecord:
    """建档: one open file per child; the child must be a living minor of the actor's jurisdiction."""
    require(actor, Capability.MANAGE_CHILDREN)
    check_in_jurisdiction(actor, person.residence_division_code)
    if person.is_deceased:
        raise InvalidChildInput(f"{person.name}已登记死亡", field="person")
    limits = age_limits(person.residence_division_code, registered_on)
    if person.birth_date is None or age_on(person.birth_date, registered_on) >= limits.minor:
        raise InvalidChildInput(
            f"{person.name}建档时已满{limits.minor}周岁，不能建立儿童档案（未成年人保护法第二条）",
            field="person",
        )
    not_future(registered_on, "registered_on", "建档日期")
    if ChildRecord.objects.filter(person=person, ended_on__isnull=True).exists():
        raise ChildrenConflict(f"{person.name}已有儿童档案", field="person")
    record = ChildRecord.objects.create(
        person=person,
        division_code=person.residence_division_code,
        school=(school or "").strip()[:100],
        handler=handler,
        registered_on=registered_on,
    )
    audit(actor, AuditEvent.CREATE, record, f"{person.name}建立儿童档案", _RECORD_FIELDS)
    return record


def parent_situations(record: ChildRecord, on: date) -> tuple[guardianship.ParentSituation, ...]:
    """(father, mother) as recorded in force on ``on`` (the latest record starting by then; 正常 if none)."""
    found = {}
    for status in record.parent_statuses.order_by("since", "pk"):
        situation = status.situation()
        if situation.since is None or situation.since <= on:
            found[status.role] = situation
    return (
        found.get(ParentRole.FATHER, guardianship.UNKNOWN_PARENT),
        found.get(ParentRole.MOTHER, guardianship.UNKNOWN_PARENT),
    )


def _rural(person) -> bool | None:
    """农村 when the child's current household is a rural one (``None`` when the child has no household)."""
    household_ids = HouseholdMembership.objects.filter(person=person, valid_to__isnull=True).values(
        "household_id"
    )
    areas = set(Household.objects.filter(pk__in=household_ids).values_list("area_type", flat=True))
    return None if not areas else Household.RURAL in areas


def _definition_errors(record: ChildRecord, category: str, on: date) -> list[str]:
    """The definition a category rests on, checked against the parents' situations on its first day."""
    father, mother = parent_situations(record, on)
    if category in categories.ORPHANS and not guardianship.is_orphan(father, mother, on):
        return [
            "孤儿须父母双方均已死亡、宣告失踪或查找不到生父母（国办发〔2010〕54号），请先登记父母监护状况"
        ]
    if category == categories.DE_FACTO:
        months = condition_months(record.division_code, on)
        if not guardianship.is_de_facto_unattended(father, mother, on, months):
            return [
                "不符合事实无人抚养儿童认定条件：须父母双方均重残、重病、服刑在押、强制隔离戒毒、被限制人身自由"
                f"（期限{months}个月以上）或失联（{months}个月以上），或一方死亡、失踪且另一方符合上述情形"
                "（民发〔2019〕62号），请先登记父母监护状况"
            ]
    if category == categories.LEFT_BEHIND:
        if not guardianship.is_left_behind(father, mother, on):
            return ["农村留守儿童须父母双方外出务工，或一方外出务工另一方无监护能力（国发〔2016〕13号）"]
        if _rural(record.person) is False:
            return ["农村留守儿童须为农村家庭儿童（国发〔2016〕13号），该儿童所在家庭为城镇家庭"]
    if category == categories.HARDSHIP_DISABILITY and not record.person.disability_grade:
        return ["困境儿童（自身残疾）须已在人口信息中登记残疾证等级（国发〔2016〕36号）"]
    return []


def _existing(record: ChildRecord, exclude_pk: int | None = None) -> list[categories.Flag]:
    rows = record.flags.exclude(pk=exclude_pk) if exclude_pk else record.flags.all()
    return [categories.Flag(f.category, f.valid_from, f.valid_to) for f in rows]


@transaction.atomic
def add_flag(
    actor,
    record: ChildRecord,
    *,
    category: str,
    valid_from: date,
    evidence: str,
    valid_to: date | None = None,
) -> CategoryFlag:
    """认定儿童类别: the age limit, the definition and the exclusions checked; open-ended flags end at the age
    limit automatically (the day before the 18th — 留守: 16th — birthday)."""
    require(actor, Capability.MANAGE_CHILDREN)
    check_in_jurisdiction(actor, record.division_code)
    if record.ended_on is not None:
        raise ChildrenConflict("该儿童档案已销档")
    ChildRecord.objects.select_for_update().filter(pk=record.pk).first()
    evidence = require_text(evidence, "evidence", "认定依据（证明材料）", 300)
    birth = record.person.birth_date
    limits = age_limits(record.division_code, valid_from)
    if category in categories.LABELS and valid_to is None and birth is not None:
        valid_to = categories.last_valid_day(category, birth, limits)
    new = categories.Flag(category, valid_from, valid_to)
    errors = categories.flag_errors(new, birth, _existing(record), limits) if birth else ["该儿童缺出生日期"]
    if not errors:
        errors = _definition_errors(record, category, valid_from)
    if errors:
        raise InvalidChildInput("；".join(errors), field="category")
    flag = CategoryFlag.objects.create(
        child=record,
        division_code=record.division_code,
        category=category,
        valid_from=valid_from,
        valid_to=valid_to,
        evidence=evidence,
        recorded_by=actor,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        flag,
        f"{record.person.name}认定为{flag.get_category_display()}",
        _FLAG_FIELDS,
    )
    return flag


@transaction.atomic
def end_flag(actor, flag: CategoryFlag, *, ended_on: date, reason: str) -> CategoryFlag:
    require(actor, Capability.MANAGE_CHILDREN)
    check_in_jurisdiction(actor, flag.division_code)
    if ended_on < flag.valid_from:
        raise InvalidChildInput("结束日期不能早于有效期起", field="ended_on")
    if flag.valid_to is not None and ended_on >= flag.valid_to:
        raise InvalidChildInput(f"该类别已于{flag.valid_to}到期", field="ended_on")
    before = {"valid_to": str(flag.valid_to)}
    flag.valid_to, flag.end_reason = ended_on, require_text(reason, "reason", "结束原因", 100)
    flag.save(update_fields=["valid_to", "end_reason"])
    audit(actor, AuditEvent.UPDATE, flag, f"结束{flag.get_category_display()}", _FLAG_FIELDS, before)
    allowances.stop_when_category_ends(
        actor, flag.child, categories={flag.category}, ended_on=ended_on, reason=flag.end_reason
    )
    return flag


@transaction.atomic
def record_parent_status(
    actor,
    record: ChildRecord,
    *,
    role: str,
    condition: str,
    evidence: str,
    since: date | None = None,
    until: date | None = None,
    parent=None,
    parent_name: str = "",
    disability_grade: int | None = None,
    disability_kind: str = "",
) -> ParentStatus:
    """父母监护状况 with its evidence and dates (a change is a new record from its date)."""
    require(actor, Capability.MANAGE_CHILDREN)
    check_in_jurisdiction(actor, record.division_code)
    if role not in ParentRole.values:
        raise InvalidChildInput("请选择父亲或母亲", field="role")
    if condition not in ParentCondition.values:
        raise InvalidChildInput("请选择父母状况", field="condition")
    if since and until and until < since:
        raise InvalidChildInput("截止日期不能早于起始日期", field="until")
    if condition != guardianship.NORMAL and condition != guardianship.UNKNOWN and since is None:
        raise InvalidChildInput("请填写该状况的起始日期（如死亡日期、入狱日期、失联日期）", field="since")
    not_future(since, "since", "起始日期")
    if (
        condition in (guardianship.IMPRISONED, guardianship.DRUG_REHAB, guardianship.RESTRICTED)
        and until is None
    ):
        raise InvalidChildInput("服刑在押、强制隔离戒毒、限制人身自由须填写期满日期", field="until")
    if condition == guardianship.SEVERE_DISABILITY and disability_grade not in (1, 2, 3, 4):
        raise InvalidChildInput("重残须填写残疾等级（一至四级）", field="disability_grade")
    if parent is not None:
        parent_name = parent.name
    status = ParentStatus.objects.create(
        child=record,
        division_code=record.division_code,
        role=role,
        parent=parent,
        parent_name=(parent_name or "").strip()[:50],
        condition=condition,
        since=since,
        until=until,
        disability_grade=disability_grade if condition == guardianship.SEVERE_DISABILITY else None,
        disability_kind=(disability_kind or "")[:4] if condition == guardianship.SEVERE_DISABILITY else "",
        evidence=require_text(evidence, "evidence", "证明材料", 300),
        recorded_by=actor,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        status,
        f"{record.person.name}的{status.get_role_display()}：{status.get_condition_display()}",
        ["role", "condition", "since", "until", "disability_grade", "disability_kind", "evidence"],
    )
    return status


@transaction.atomic
def entrust_care(
    actor,
    record: ChildRecord,
    *,
    carer_name: str,
    carer_relation: str,
    started_on: date,
    carer_birth_date: date | None = None,
    carer_phone: str = "",
    agreement_signed_on: date | None = None,
    school_notified_on: date | None = None,
    committee_notified_on: date | None = None,
    disqualifications: list[str] = (),
) -> tuple[EntrustedCare, list[str]]:
    """委托照护 (未保法 Art 22–23): a new entrustment ends the open one the day before; answers the warnings
    (a disqualified carer, no written agreement, no written notice) which the file then shows."""
    require(actor, Capability.MANAGE_CHILDREN)
    check_in_jurisdiction(actor, record.division_code)
    bad = [code for code in disqualifications if code not in care.DISQUALIFICATIONS]
    if bad:
        raise InvalidChildInput("不得作为被委托人的情形选择有误", field="disqualifications")
    for day, field, label in [
        (started_on, "started_on", "委托起始日期"),
        (agreement_signed_on, "agreement_signed_on", "书面协议签订日期"),
        (school_notified_on, "school_notified_on", "书面告知学校日期"),
        (committee_notified_on, "committee_notified_on", "书面告知村（居）委会日期"),
    ]:
        not_future(day, field, label)
    current = EntrustedCare.objects.select_for_update().filter(child=record, ended_on__isnull=True).first()
    if current is not None:
        if started_on <= current.started_on:
            raise InvalidChildInput(
                f"新的委托起始日期须晚于现有委托（{current.started_on}起）", field="started_on"
            )
        current.ended_on = date.fromordinal(started_on.toordinal() - 1)
        current.save(update_fields=["ended_on"])
        audit(actor, AuditEvent.UPDATE, current, f"委托照护（{current.carer_name}）结束", ["ended_on"])
    entrustment = EntrustedCare.objects.create(
        child=record,
        division_code=record.division_code,
        carer_name=require_text(carer_name, "carer_name", "被委托人姓名", 50),
        carer_relation=require_text(carer_relation, "carer_relation", "与儿童关系", 20),
        carer_birth_date=carer_birth_date,
        carer_phone=(carer_phone or "").strip()[:20],
        started_on=started_on,
        agreement_signed_on=agreement_signed_on,
        school_notified_on=school_notified_on,
        committee_notified_on=committee_notified_on,
        disqualifications=sorted(set(disqualifications)),
        recorded_by=actor,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        entrustment,
        f"{record.person.name}委托照护：{entrustment.carer_name}（{entrustment.carer_relation}）",
        ["carer_name", "carer_relation", "started_on", "agreement_signed_on", "disqualifications"],
    )
    return entrustment, entrustment_warnings(entrustment)


def entrustment_warnings(entrustment: EntrustedCare, on: date | None = None) -> list[str]:
    on = on or date.today()
    limits = age_limits(entrustment.division_code, on)
    birth = entrustment.carer_birth_date
    return care.carer_warnings(
        disqualifications=list(entrustment.disqualifications),
        carer_age=age_on(birth, on) if birth else None,
        adult_age=limits.minor,
        agreement_signed_on=entrustment.agreement_signed_on,
        school_notified_on=entrustment.school_notified_on,
        committee_notified_on=entrustment.committee_notified_on,
    )


@transaction.atomic
def record_contact(
    actor,
    entrustment: EntrustedCare,
    *,
    contacted_on: date,
    by_role: str,
    method: str,
    with_child: bool = True,
    with_carer: bool = True,
    note: str = "",
) -> CareContact:
    """亲情联系记录: a parent's contact with the child and the carer (未保法 Art 23: at least weekly)."""
    require(actor, Capability.MANAGE_CHILDREN)
    check_in_jurisdiction(actor, entrustment.division_code)
    if entrustment.ended_on is not None and contacted_on > entrustment.ended_on:
        raise InvalidChildInput("联系日期晚于委托结束日期", field="contacted_on")
    if contacted_on < entrustment.started_on:
        raise InvalidChildInput("联系日期早于委托起始日期", field="contacted_on")
    not_future(contacted_on, "contacted_on", "联系日期")
    if by_role not in ParentRole.values:
        raise InvalidChildInput("请选择联系人", field="by_role")
    if method not in ContactMethod.values:
        raise InvalidChildInput("请选择联系方式", field="method")
    if not (with_child or with_carer):
        raise InvalidChildInput("请勾选与儿童或与被委托人交流", field="with_child")
    contact = CareContact.objects.create(
        entrustment=entrustment,
        division_code=entrustment.division_code,
        contacted_on=contacted_on,
        by_role=by_role,
        method=method,
        with_child=with_child,
        with_carer=with_carer,
        note=(note or "").strip()[:300],
        recorded_by=actor,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        contact,
        f"亲情联系（{contact.get_method_display()}）",
        ["contacted_on", "by_role", "method"],
    )
    return contact


@transaction.atomic
def record_visit(
    actor,
    record: ChildRecord,
    *,
    visited_on: date,
    method: str,
    findings: str,
    needs_follow_up: bool = False,
    follow_up: str = "",
) -> ChildVisit:
    """定期走访 by the 儿童主任 or 督导员 who went (the actor)."""
    require(actor, Capability.MANAGE_CHILDREN)
    check_in_jurisdiction(actor, record.division_code)
    if record.ended_on is not None:
        raise ChildrenConflict("该儿童档案已销档")
    if method not in VisitMethod.values:
        raise InvalidChildInput("请选择走访方式", field="method")
    not_future(visited_on, "visited_on", "走访日期")
    if visited_on < record.registered_on:
        raise InvalidChildInput("走访日期不能早于建档日期", field="visited_on")
    if needs_follow_up and not (follow_up or "").strip():
        raise InvalidChildInput("需跟进处置时请填写跟进需求", field="follow_up")
    visit = ChildVisit.objects.create(
        child=record,
        division_code=record.division_code,
        visited_on=visited_on,
        method=method,
        visitor=actor,
        findings=require_text(findings, "findings", "走访情况", 500),
        needs_follow_up=needs_follow_up,
        follow_up=(follow_up or "").strip()[:300],
    )
    audit(
        actor,
        AuditEvent.CREATE,
        visit,
        f"走访{record.person.name}（{visit.get_method_display()}）",
        ["visited_on", "method", "needs_follow_up"],
    )
    return visit


@transaction.atomic
def close_record(actor, record: ChildRecord, *, ended_on: date, reason: str) -> ChildRecord:
    """销档 (成年、死亡、迁出 …): open flags end on the same day."""
    require(actor, Capability.MANAGE_CHILDREN)
    check_in_jurisdiction(actor, record.division_code)
    if record.ended_on is not None:
        raise ChildrenConflict("该儿童档案已销档")
    if ended_on < record.registered_on:
        raise InvalidChildInput("销档日期不能早于建档日期", field="ended_on")
    record.ended_on, record.end_reason = ended_on, require_text(reason, "reason", "销档原因", 100)
    record.save(update_fields=["ended_on", "end_reason"])
    record.flags.filter(valid_from__lte=ended_on).exclude(valid_to__lte=ended_on).update(valid_to=ended_on)
    allowances.stop_when_category_ends(
        actor,
        record,
        categories=set(categories.LABELS),
        ended_on=ended_on,
        reason=f"销档：{record.end_reason}",
    )
    audit(actor, AuditEvent.UPDATE, record, f"{record.person.name}儿童档案销档", _RECORD_FIELDS)
    return record
