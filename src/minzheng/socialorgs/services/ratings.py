"""等级评估: a caseworker files the organisation's application (第七条 checked), reviewing staff enter the
committee's score (level from the local bands) and open 公示; an objection is answered within 15 days; the level
is confirmed after 公示 (valid 5 years); a downgrade or cancellation starts the re-application ban and the
15 days to return the plaque."""

from datetime import date, timedelta

from django.db import transaction

from minzheng.core.models import AuditEvent

from ..errors import InvalidSocialOrgInput, SocialOrgConflict
from ..models import (
    AnnualReport,
    CreditGround,
    CreditListing,
    ListingStatus,
    Organisation,
    OrgStatus,
    PenaltyCase,
    PenaltyStatus,
    Rating,
    RatingStatus,
)
from ..rules import rating as rules
from ..rules.annual import Result
from ..rules.credit import Reason
from ..rules.dates import add_days
from . import parameters
from .common import (
    Capability,
    audit,
    check_in_jurisdiction,
    not_own_work,
    own_registry,
    require,
    require_text,
)

PENALTIES = (
    Reason.WARNING_OR_SMALL_FINE,
    Reason.LARGE_FINE,
    Reason.ORDERED_TO_STOP,
    Reason.REPEATED_PENALTIES,
)
IN_FORCE = (RatingStatus.CONFIRMED,)


def bands(division_code: str, on: date) -> rules.Bands:
    return rules.Bands(tuple(parameters.integer(f"rating_min_{n}a", division_code, on) for n in range(1, 6)))


def standing(org: Organisation, on: date) -> rules.Standing:
    results = {
        r.year: (Result(r.result) if r.result else Result.QUALIFIED)
        for r in AnnualReport.objects.filter(organisation=org, year__in=[on.year - 1, on.year - 2])
    }
    ratings = Rating.objects.filter(organisation=org)
    current = ratings.filter(status__in=IN_FORCE, valid_to__gte=on).order_by("-valid_to").first()
    downgraded = ratings.filter(status=RatingStatus.DOWNGRADED).order_by("-changed_on").first()
    cancelled = ratings.filter(status=RatingStatus.CANCELLED).order_by("-changed_on").first()
    return rules.Standing(
        registered_on=org.registered_on,
        rating_valid_to=current.valid_to if current else None,
        downgraded_on=downgraded.changed_on if downgraded else None,
        cancelled_on=cancelled.changed_on if cancelled else None,
        last_year=results.get(on.year - 1),
        year_before=results.get(on.year - 2),
        listed=CreditListing.objects.filter(organisation=org, status=ListingStatus.LISTED).exists(),
        penalised_last_year=PenaltyCase.objects.filter(
            organisation=org, status=PenaltyStatus.DECIDED, decided_on__year=on.year - 1
        ).exists()
        or CreditGround.objects.filter(
            listing__organisation=org, reason__in=PENALTIES, rejected=False, established_on__year=on.year - 1
        ).exists(),
    )


@transaction.atomic
def apply(actor, org: Organisation, *, applied_on: date) -> Rating:
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, org.division_code)
    if org.status != OrgStatus.REGISTERED:
        raise SocialOrgConflict("该组织已注销或被撤销登记")
    if applied_on > date.today():
        raise InvalidSocialOrgInput("申请日期不能晚于今天", field="applied_on")
    if Rating.objects.filter(
        organisation=org, status__in=[RatingStatus.APPLIED, RatingStatus.PUBLICISED]
    ).exists():
        raise SocialOrgConflict("该组织有正在进行的等级评估")
    reasons = rules.ineligibility(standing(org, applied_on), applied_on, rules.Periods())
    if reasons:
        raise InvalidSocialOrgInput("不符合申请评估条件：" + "；".join(reasons), field="applied_on")
    rating = Rating.objects.create(
        organisation=org, division_code=org.division_code, applied_on=applied_on, applied_by=actor
    )
    audit(actor, AuditEvent.CREATE, rating, f"受理等级评估申请：{org.name}", ["applied_on", "status"])
    return rating


@transaction.atomic
def score(actor, rating: Rating, *, score: int, scored_on: date) -> Rating:
    """评估委员会's score entered; the level follows the local bands; 公示 opens."""
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, rating.division_code)
    rating = Rating.objects.select_for_update().get(pk=rating.pk)
    if rating.status != RatingStatus.APPLIED:
        raise SocialOrgConflict("该评估不在待评分状态")
    not_own_work(actor, rating.applied_by_id, "评估申请")
    if not 0 <= score <= 1000:
        raise InvalidSocialOrgInput("评估得分应为0–1000分", field="score")
    if scored_on < rating.applied_on or scored_on > date.today():
        raise InvalidSocialOrgInput("评分日期应在申请日期与今天之间", field="scored_on")
    rating.score, rating.scored_on, rating.scored_by = score, scored_on, actor
    rating.level = rules.level_for(score, bands(rating.division_code, scored_on))
    days = parameters.integer("rating_publicity_days", rating.division_code, scored_on)
    rating.publicity_until = add_days(scored_on, days)
    rating.status = RatingStatus.PUBLICISED
    rating.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        rating,
        f"评估得分{score}分（{rules.LEVEL_LABELS.get(rating.level, '未达到等级')}），公示至{rating.publicity_until}",
        ["score", "level", "publicity_until"],
    )
    return rating


@transaction.atomic
def object_to(actor, rating: Rating, *, objection: str, objected_on: date) -> Rating:
    """异议 during 公示 (recorded by staff as the organisation files it); the answer is due in 15 days."""
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, rating.division_code)
    if rating.status != RatingStatus.PUBLICISED or rating.objected_on:
        raise SocialOrgConflict("只能在公示期内提出一次异议")
    if not rating.scored_on <= objected_on <= min(rating.publicity_until, date.today()):
        raise InvalidSocialOrgInput(
            f"异议应在公示期内（{rating.scored_on}至{rating.publicity_until}）提出", field="objected_on"
        )
    days = parameters.integer("rating_objection_days", rating.division_code, objected_on)
    rating.objection = require_text(objection, "objection", "异议内容", 500)
    rating.objected_on, rating.objection_due_on = objected_on, rules.answer_due(objected_on, days)
    rating.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        rating,
        f"评估异议：{rating.organisation.name}，应于{rating.objection_due_on}前答复",
        ["objected_on", "objection_due_on"],
    )
    return rating


@transaction.atomic
def answer(actor, rating: Rating, *, answer: str, answered_on: date, new_score: int | None = None) -> Rating:
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, rating.division_code)
    rating = Rating.objects.select_for_update().get(pk=rating.pk)
    if not rating.objected_on or rating.answered_on:
        raise SocialOrgConflict("没有待答复的异议")
    if answered_on < rating.objected_on or answered_on > date.today():
        raise InvalidSocialOrgInput("答复日期应在异议日期与今天之间", field="answered_on")
    if new_score is not None:
        if not 0 <= new_score <= 1000:
            raise InvalidSocialOrgInput("评估得分应为0–1000分", field="new_score")
        rating.score = new_score
        rating.level = rules.level_for(new_score, bands(rating.division_code, answered_on))
    rating.objection_answer = require_text(answer, "answer", "复核意见", 500)
    rating.answered_on = answered_on
    rating.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        rating,
        f"评估异议已答复：{rating.organisation.name}",
        ["score", "level", "answered_on"],
    )
    return rating


@transaction.atomic
def confirm(actor, rating: Rating, *, confirmed_on: date) -> Rating:
    """After 公示 with every objection answered: the level holds 5 years (or 未达到等级)."""
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, rating.division_code)
    rating = Rating.objects.select_for_update().get(pk=rating.pk)
    if rating.status != RatingStatus.PUBLICISED:
        raise SocialOrgConflict("该评估不在公示中")
    if confirmed_on <= rating.publicity_until or confirmed_on > date.today():
        raise InvalidSocialOrgInput(
            f"公示期满（{rating.publicity_until}）后方可确认，且不晚于今天", field="confirmed_on"
        )
    if rating.objected_on and not rating.answered_on:
        raise SocialOrgConflict("异议尚未答复")
    years = parameters.integer("rating_valid_years", rating.division_code, confirmed_on)
    rating.confirmed_on = confirmed_on
    if rating.level:
        rating.status, rating.valid_to = RatingStatus.CONFIRMED, rules.valid_until(confirmed_on, years)
        Rating.objects.filter(organisation=rating.organisation, status=RatingStatus.CONFIRMED).exclude(
            pk=rating.pk
        ).update(valid_to=confirmed_on - timedelta(days=1))
    else:
        rating.status = RatingStatus.NOT_RATED
    rating.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        rating,
        f"确认评估等级：{rating.organisation.name} {rules.LEVEL_LABELS.get(rating.level, '未达到等级')}",
        ["status", "level", "valid_to"],
    )
    return rating


@transaction.atomic
def change(actor, rating: Rating, *, new_level: int | None, changed_on: date, reason: str) -> Rating:
    """降低 (``new_level`` lower) or 取消 (``None``) a level in force (第三十条): plaque back within 15 days."""
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, rating.division_code)
    rating = Rating.objects.select_for_update().get(pk=rating.pk)
    if rating.status != RatingStatus.CONFIRMED or (rating.valid_to and rating.valid_to < changed_on):
        raise SocialOrgConflict("只能降低或取消有效期内的评估等级")
    if new_level is not None and not 1 <= new_level < rating.level:
        raise InvalidSocialOrgInput("降低后的等级应低于现等级", field="new_level")
    if changed_on < rating.confirmed_on or changed_on > date.today():
        raise InvalidSocialOrgInput("日期应在确认日期与今天之间", field="changed_on")
    days = parameters.integer("rating_plaque_days", rating.division_code, changed_on)
    rating.status = RatingStatus.DOWNGRADED if new_level else RatingStatus.CANCELLED
    rating.level = new_level or rating.level
    rating.changed_on, rating.change_reason = changed_on, require_text(reason, "reason", "事由", 300)
    rating.plaque_due_on = rules.plaque_due(changed_on, days)
    rating.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        rating,
        f"{rating.get_status_display()}：{rating.organisation.name}",
        ["status", "level", "changed_on", "plaque_due_on"],
    )
    return rating


@transaction.atomic
def plaque_returned(actor, rating: Rating, *, returned_on: date) -> Rating:
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, rating.division_code)
    if rating.plaque_due_on is None or rating.plaque_returned_on:
        raise SocialOrgConflict("无需退回或已退回牌匾证书")
    if returned_on < rating.changed_on or returned_on > date.today():
        raise InvalidSocialOrgInput("退回日期应在降级/取消日期与今天之间", field="returned_on")
    rating.plaque_returned_on = returned_on
    rating.save(update_fields=["plaque_returned_on"])
    audit(
        actor,
        AuditEvent.UPDATE,
        rating,
        f"已退回牌匾证书：{rating.organisation.name}",
        ["plaque_returned_on"],
    )
    return rating
