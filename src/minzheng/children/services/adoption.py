"""收养登记 at the county registry: 受理 (case type, parties, documents) → 收养评估 (≥ 2 evaluators, 30 days,
extendable to 60) → 公告 for foundlings (60 days) → 登记 (收养登记证 numbered by the county's office, the child joins
the adopter's household in the registry) or 不予登记 with reasons → 解除收养关系登记.

The conditions are the pure rules of ``rules.adoption`` (民法典 1093–1105, 收养登记办法 2023); this module reads the
parties from the registry, keeps the clocks and writes the registry change."""

from datetime import date

from django.db import transaction

from minzheng.core.jurisdiction import division_level
from minzheng.core.models import AuditEvent, Household, Person
from minzheng.core.selectors.registry import current_household_of
from minzheng.core.services import registry
from minzheng.policy.interface import bureau_code, issue_document_number

from ..errors import ChildrenConflict, InvalidChildInput
from ..models import Adoption, AdoptionStatus
from ..rules import adoption as rules
from .common import Capability, audit, check_in_jurisdiction, not_future, require, require_text

_FIELDS = [
    "case_type", "adopter_married", "adopter_children", "status", "received_on", "review_due", "evaluators", "evaluation_started_on",
    "evaluation_due", "evaluation_extended", "evaluated_on", "evaluation_score", "evaluation_passed",
    "notice_started_on", "notice_ends_on", "notice_claimed", "decided_on", "decision_note",
    "certificate_number", "dissolved_on", "dissolution_reason", "dissolution_number",
]  # fmt: skip
_OPEN = (AdoptionStatus.RECEIVED, AdoptionStatus.EVALUATING, AdoptionStatus.NOTICE, AdoptionStatus.REVIEWING)
CERTIFICATE_KIND, CERTIFICATE_CODE = "adoption_certificate", "收登"
DISSOLUTION_KIND, DISSOLUTION_CODE = "adoption_dissolution", "收解"


def _county(actor) -> None:
    """收养登记机关是县级人民政府民政部门 (登记办法 Art 2)."""
    if division_level(actor.division_code) != 3:
        raise ChildrenConflict("收养登记由县级民政部门办理（中国公民收养子女登记办法第二条）")


def _facts(adoption: Adoption, on: date) -> rules.Application:
    def adopter(person: Person) -> rules.Adopter:
        return rules.Adopter(
            birth=person.birth_date,
            sex=person.sex,
            has_spouse=adoption.adopter_married or adoption.adopter_spouse_id is not None,
            children=adoption.adopter_children,
            capable=adoption.evaluation_passed is not False,
        )

    adopters = [adopter(adoption.adopter)]
    if adoption.adopter_spouse is not None:
        adopters.append(adopter(adoption.adopter_spouse))
    child = adoption.child
    return rules.Application(
        case_type=adoption.case_type,
        adopters=tuple(adopters),
        adoptee=rules.Adoptee(
            birth=child.birth_date, sex=child.sex, disabled=bool(child.disability_grade), orphan=False
        ),
        on=on,
        adoptee_consents=adoption.child_consents,
    )


def _refuse_broken_rules(adoption: Adoption, on: date) -> None:
    errors = rules.adoption_errors(_facts(adoption, on))
    if errors:
        raise InvalidChildInput("；".join(errors), field="adopter")


@transaction.atomic
def receive(
    actor,
    *,
    case_type: str,
    child: Person,
    adopter: Person,
    adopter_spouse: Person | None,
    adopter_married: bool,
    adopter_children: int,
    giver: str,
    child_consents: bool | None,
    documents: list[str],
    received_on: date,
) -> Adoption:
    """受理: the conditions of 民法典 1093–1104 that can be checked now are checked now; the documents of the case
    type (登记办法 Art 6–7) must all be there; review due 30 days from the next day (Art 8)."""
    require(actor, Capability.MANAGE_CHILDREN)
    _county(actor)
    if case_type not in rules.CASE_TYPES:
        raise InvalidChildInput("请选择收养类型", field="case_type")
    not_future(received_on, "received_on", "受理日期")
    if child.pk == adopter.pk or (adopter_spouse is not None and adopter_spouse.pk in (child.pk, adopter.pk)):
        raise InvalidChildInput("收养人、配偶与被收养人不能为同一人", field="adopter")
    for person, field in ((child, "child"), (adopter, "adopter"), (adopter_spouse, "adopter_spouse")):
        if person is not None and person.is_deceased:
            raise InvalidChildInput(f"{person.name}已登记死亡", field=field)
    missing = [d for d in rules.DOCUMENTS[case_type] if d not in set(documents)]
    if missing:
        raise InvalidChildInput(
            f"材料不全（中国公民收养子女登记办法第六条、第七条），缺：{'、'.join(missing)}", field="documents"
        )
    if Adoption.objects.filter(child=child, status__in=[*_OPEN, AdoptionStatus.REGISTERED]).exists():
        raise ChildrenConflict("该儿童已有在办或已登记的收养", field="child")
    adoption = Adoption(
        division_code=actor.division_code,
        case_type=case_type,
        child=child,
        adopter=adopter,
        adopter_spouse=adopter_spouse,
        adopter_married=adopter_married or adopter_spouse is not None,
        adopter_children=adopter_children,
        giver=require_text(giver, "giver", "送养人", 100),
        child_consents=child_consents,
        documents=list(documents),
        received_on=received_on,
        review_due=rules.review_due(received_on),
        created_by=actor,
    )
    _refuse_broken_rules(adoption, received_on)
    adoption.save()
    audit(
        actor, AuditEvent.CREATE, adoption, f"受理收养登记申请（{adoption.get_case_type_display()}）", _FIELDS
    )
    return adoption


def _locked(actor, adoption: Adoption, statuses) -> Adoption:
    check_in_jurisdiction(actor, adoption.division_code)
    adoption = (
        Adoption.objects.select_for_update(of=("self",))
        .select_related("child", "adopter", "adopter_spouse")
        .get(pk=adoption.pk)
    )
    if adoption.status not in statuses:
        raise ChildrenConflict(f"该收养登记当前为“{adoption.get_status_display()}”，不能办理此环节")
    return adoption


@transaction.atomic
def start_evaluation(actor, adoption: Adoption, *, evaluators: list[str], started_on: date) -> Adoption:
    """收养评估 by ≥ 2 evaluators (民发〔2020〕144号), due in 30 days; the time is not counted in the review."""
    require(actor, Capability.MANAGE_CHILDREN)
    adoption = _locked(actor, adoption, (AdoptionStatus.RECEIVED,))
    if not rules.needs_evaluation(adoption.case_type):
        raise ChildrenConflict("收养继子女不进行收养评估（民发〔2020〕144号）")
    names = [e.strip() for e in evaluators if e.strip()]
    if len(names) < rules.MIN_EVALUATORS:
        raise InvalidChildInput("收养评估应当由2名以上评估人员进行（民发〔2020〕144号）", field="evaluators")
    if started_on < adoption.received_on:
        raise InvalidChildInput("评估开始日期不能早于受理日期", field="started_on")
    adoption.evaluators = "、".join(names)[:200]
    adoption.evaluation_started_on = started_on
    adoption.evaluation_due = rules.evaluation_due(started_on, extended=False)
    adoption.status = AdoptionStatus.EVALUATING
    adoption.save()
    audit(actor, AuditEvent.UPDATE, adoption, f"开始收养评估（{adoption.evaluators}）", _FIELDS)
    return adoption


@transaction.atomic
def extend_evaluation(actor, adoption: Adoption, *, reason: str) -> Adoption:
    """延期: at most 60 days in all (民发〔2015〕168号)."""
    require(actor, Capability.MANAGE_CHILDREN)
    adoption = _locked(actor, adoption, (AdoptionStatus.EVALUATING,))
    if adoption.evaluation_extended:
        raise ChildrenConflict("收养评估已延期一次，最长不超过60日")
    require_text(reason, "reason", "延期理由", 200)
    adoption.evaluation_extended = True
    adoption.evaluation_due = rules.evaluation_due(adoption.evaluation_started_on, extended=True)
    adoption.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        adoption,
        f"收养评估延期至{adoption.evaluation_due}：{reason}"[:300],
        _FIELDS,
    )
    return adoption


@transaction.atomic
def complete_evaluation(
    actor, adoption: Adoption, *, evaluated_on: date, score: int | None, passed: bool, note: str
) -> Adoption:
    """The report's conclusion; the review resumes (a foundling's 公告 next). 不合格 → 1098(二) fails at 登记."""
    require(actor, Capability.MANAGE_CHILDREN)
    adoption = _locked(actor, adoption, (AdoptionStatus.EVALUATING,))
    errors = rules.evaluation_errors(adoption.evaluators.split("、"), score, passed)
    if errors:
        raise InvalidChildInput("；".join(errors), field="score")
    if evaluated_on < adoption.evaluation_started_on:
        raise InvalidChildInput("评估完成日期不能早于开始日期", field="evaluated_on")
    if evaluated_on > adoption.evaluation_due:
        raise InvalidChildInput(
            f"评估期限为{adoption.evaluation_due}（30日，延期后最长60日），已超期，请先延期",
            field="evaluated_on",
        )
    not_future(evaluated_on, "evaluated_on", "评估完成日期")
    adoption.evaluated_on, adoption.evaluation_score, adoption.evaluation_passed = evaluated_on, score, passed
    adoption.evaluation_note = require_text(note, "note", "评估报告摘要", 300)
    adoption.review_due = _review_due(adoption)
    adoption.status = AdoptionStatus.REVIEWING
    adoption.save()
    audit(actor, AuditEvent.UPDATE, adoption, f"收养评估完成：{'合格' if passed else '不合格'}", _FIELDS)
    return adoption


@transaction.atomic
def start_notice(actor, adoption: Adoption, *, started_on: date) -> Adoption:
    """公告查找生父母 for 60 days (登记办法 Art 8), not counted in the 30-day review."""
    require(actor, Capability.MANAGE_CHILDREN)
    adoption = _locked(actor, adoption, (AdoptionStatus.RECEIVED, AdoptionStatus.REVIEWING))
    if not rules.needs_notice(adoption.case_type):
        raise ChildrenConflict("只有收养查找不到生父母的弃婴、儿童需要公告（中国公民收养子女登记办法第八条）")
    if adoption.notice_started_on is not None:
        raise ChildrenConflict("已公告")
    if rules.needs_evaluation(adoption.case_type) and adoption.evaluated_on is None:
        raise ChildrenConflict("请先完成收养评估")
    if started_on < adoption.received_on:
        raise InvalidChildInput("公告日期不能早于受理日期", field="started_on")
    adoption.notice_started_on, adoption.notice_ends_on = started_on, rules.notice_ends(started_on)
    adoption.review_due = _review_due(adoption)
    adoption.status = AdoptionStatus.NOTICE
    adoption.save()
    audit(actor, AuditEvent.UPDATE, adoption, f"公告查找生父母，{adoption.notice_ends_on}期满", _FIELDS)
    return adoption


def _review_due(adoption: Adoption) -> date:
    paused = 0
    if adoption.evaluated_on and adoption.evaluation_started_on:
        paused += (adoption.evaluated_on - adoption.evaluation_started_on).days + 1
    if adoption.notice_started_on:
        paused += rules.NOTICE_DAYS
    return rules.review_due(adoption.received_on, paused_days=paused)


@transaction.atomic
def end_notice(actor, adoption: Adoption, *, claimed: bool, on: date) -> Adoption:
    """公告期满 unclaimed → 视为查找不到生父母 (the review resumes); claimed → 不予登记."""
    require(actor, Capability.MANAGE_CHILDREN)
    adoption = _locked(actor, adoption, (AdoptionStatus.NOTICE,))
    if not claimed and on < adoption.notice_ends_on:
        raise InvalidChildInput(f"公告期至{adoption.notice_ends_on}届满，期满前不能登记", field="on")
    adoption.notice_claimed = claimed
    if claimed:
        adoption.status, adoption.decided_on = AdoptionStatus.REFUSED, on
        adoption.decision_note = "公告期间生父母或其他监护人认领，不予登记"
    else:
        adoption.status = AdoptionStatus.REVIEWING
    adoption.save()
    audit(actor, AuditEvent.UPDATE, adoption, "公告期满" + ("：已认领" if claimed else "：无人认领"), _FIELDS)
    return adoption


def _relation(adoption: Adoption, household: Household) -> str:
    parent = household.head_id in (adoption.adopter_id, adoption.adopter_spouse_id)
    if not parent:
        return "80"
    return "20" if adoption.child.sex == "1" else "30"


@transaction.atomic
def decide(actor, adoption: Adoption, *, register: bool, decided_on: date, note: str = "") -> Adoption:
    """登记 (收养关系自登记之日起成立, 民法典 1105): every condition again on the day, the 收养登记证 number, the
    child joins the adopter's household in the registry (a dated change other domains consume). 不予登记 states
    its reason (登记办法 Art 8)."""
    require(actor, Capability.REGISTER_ADOPTION)
    _county(actor)
    adoption = _locked(actor, adoption, (AdoptionStatus.RECEIVED, AdoptionStatus.REVIEWING))
    if decided_on < adoption.received_on:
        raise InvalidChildInput("登记日期不能早于受理日期", field="decided_on")
    not_future(decided_on, "decided_on", "登记日期")
    adoption.decided_on, adoption.decided_by = decided_on, actor
    if not register:
        adoption.decision_note = require_text(note, "note", "不予登记的理由", 300)
        adoption.status = AdoptionStatus.REFUSED
        adoption.save()
        audit(actor, AuditEvent.UPDATE, adoption, "不予收养登记", _FIELDS)
        return adoption
    if rules.needs_evaluation(adoption.case_type) and adoption.evaluated_on is None:
        raise ChildrenConflict("请先完成收养评估（民法典第一千一百零五条）")
    if rules.needs_notice(adoption.case_type) and (
        adoption.notice_ends_on is None or adoption.notice_claimed or decided_on <= adoption.notice_ends_on
    ):
        raise ChildrenConflict(
            "查找不到生父母的弃婴、儿童须公告满60日无人认领后方可登记（中国公民收养子女登记办法第八条）"
        )
    _refuse_broken_rules(adoption, decided_on)
    household = current_household_of(adoption.adopter)
    if household is None:
        raise InvalidChildInput(
            f"收养人{adoption.adopter.name}没有在户记录，请先在人口与家庭中登记", field="adopter"
        )
    adoption.decision_note = (note or "").strip()[:300]
    adoption.status = AdoptionStatus.REGISTERED
    adoption.save()
    adoption.certificate_number = issue_document_number(
        actor, office_code=bureau_code(adoption.division_code), kind=CERTIFICATE_KIND,
        kind_code=CERTIFICATE_CODE, year=decided_on.year, object_type="children.adoption", object_id=adoption.pk,
    )  # fmt: skip
    adoption.save(update_fields=["certificate_number"])
    registry.move_member(
        actor, adoption.child, to_household=household, relation=_relation(adoption, household), on=decided_on,
        reason=f"收养登记 {adoption.certificate_number}",
    )  # fmt: skip
    audit(
        actor, AuditEvent.UPDATE, adoption, f"收养登记，发给收养登记证 {adoption.certificate_number}", _FIELDS
    )
    return adoption


@transaction.atomic
def dissolve(
    actor, adoption: Adoption, *, dissolved_on: date, reason: str, to_household: Household | None = None
) -> Adoption:
    """解除收养关系登记 (登记办法 Art 10–11): the certificate is taken back, a 解除收养关系证明 numbered; the child
    leaves the adopter's household for ``to_household`` (the birth family's, if given) on that day."""
    require(actor, Capability.REGISTER_ADOPTION)
    _county(actor)
    adoption = _locked(actor, adoption, (AdoptionStatus.REGISTERED,))
    if dissolved_on < adoption.decided_on:
        raise InvalidChildInput("解除日期不能早于收养登记日期", field="dissolved_on")
    not_future(dissolved_on, "dissolved_on", "解除日期")
    adoption.dissolved_on = dissolved_on
    adoption.dissolution_reason = require_text(reason, "reason", "解除原因", 200)
    adoption.status = AdoptionStatus.DISSOLVED
    adoption.save()
    adoption.dissolution_number = issue_document_number(
        actor, office_code=bureau_code(adoption.division_code), kind=DISSOLUTION_KIND,
        kind_code=DISSOLUTION_CODE, year=dissolved_on.year, object_type="children.adoption", object_id=adoption.pk,
    )  # fmt: skip
    adoption.save(update_fields=["dissolution_number"])
    if to_household is not None:
        relation = "20" if adoption.child.sex == "1" else "30"
        registry.move_member(
            actor, adoption.child, to_household=to_household, relation=relation, on=dissolved_on,
            reason=f"解除收养关系 {adoption.dissolution_number}",
        )  # fmt: skip
    audit(actor, AuditEvent.UPDATE, adoption, f"解除收养关系登记 {adoption.dissolution_number}", _FIELDS)
    return adoption
