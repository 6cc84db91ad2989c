"""村民会议/村民代表会议 with the notice and quorum checks, their decisions (第二十四条 categories), and 村务公开
items with their due dates (第三十条)."""

from datetime import date

from django.db import transaction

from minzheng.core.models import AuditEvent

from ..errors import CommunityConflict, InvalidCommunityInput
from ..models import Committee, Decision, DisclosureCategory, DisclosureItem, Meeting, MeetingKind
from ..models.choices import CHANNEL_CHOICES, DECISION_CATEGORIES, FREQUENCY_OF
from ..rules import disclosure as drules
from ..rules import meetings as rules
from . import parameters
from .common import audit, may_manage, require_text


@transaction.atomic
def record_meeting(
    actor, committee: Committee, *, kind: str, title: str, notified_on: date, held_on: date, eligible: int,
    present: int, households_present: int = 0, minutes: str = "",
) -> Meeting:  # fmt: skip
    may_manage(actor, committee.division_code)
    if notified_on > held_on:
        raise InvalidCommunityInput("通知日期不能晚于召开日期", field="notified_on")
    if present > eligible:
        raise InvalidCommunityInput("实到人数不能超过应到人数", field="present")
    if households_present > committee.households:
        raise InvalidCommunityInput("到会户代表数不能超过本村户数", field="households_present")
    q = parameters.quorum(committee.division_code, held_on)
    if kind == MeetingKind.ASSEMBLY:
        quorum = rules.assembly_quorum(eligible, present, committee.households, households_present, q)
    elif kind == MeetingKind.REPRESENTATIVES:
        quorum = rules.representatives_quorum(eligible, present, q)
    else:
        raise InvalidCommunityInput("请选择会议类型", field="kind")
    days = parameters.integer("meeting_notice_days", committee.division_code, held_on)
    meeting = Meeting.objects.create(
        committee=committee, division_code=committee.division_code, kind=kind,
        title=require_text(title, "title", "议题", 200), notified_on=notified_on, held_on=held_on,
        notice_in_time=kind != MeetingKind.ASSEMBLY or rules.notice_in_time(notified_on, held_on, days),
        eligible=eligible, present=present, households=committee.households, households_present=households_present,
        quorum_met=quorum, minutes=require_text(minutes, "minutes", "会议记录", 4000, False),
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, meeting, f"{committee.name}{meeting.get_kind_display()}",
          ["kind", "held_on", "present", "quorum_met", "notice_in_time"])  # fmt: skip
    return meeting


@transaction.atomic
def add_decision(actor, meeting: Meeting, *, category: str, subject: str, yes_votes: int) -> Decision:
    """A meeting without its quorum decides nothing (第二十二条、第二十六条); a decision passes with more than
    half of those present."""
    may_manage(actor, meeting.division_code)
    if not meeting.quorum_met:
        raise CommunityConflict("会议未达到法定人数，所作决定无效")
    if category not in dict(DECISION_CATEGORIES):
        raise InvalidCommunityInput("请选择事项类别", field="category")
    if yes_votes > meeting.present:
        raise InvalidCommunityInput("赞成人数不能超过实到人数", field="yes_votes")
    decision = Decision.objects.create(
        meeting=meeting, category=category, subject=require_text(subject, "subject", "决定事项", 300),
        yes_votes=yes_votes, passed=rules.decision_passes(meeting.present, yes_votes),
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, decision, decision.subject, ["category", "yes_votes", "passed"])
    return decision


def frequency_of(category: str) -> str:
    return FREQUENCY_OF.get(category, drules.QUARTERLY)


@transaction.atomic
def plan_disclosure(
    actor, committee: Committee, *, category: str, period: str, period_end: date, content: str = ""
) -> DisclosureItem:
    """An item to publish: its due date from the frequency rule (第三十条) and the local grace periods."""
    may_manage(actor, committee.division_code)
    if category not in DisclosureCategory.values:
        raise InvalidCommunityInput("请选择公开类别", field="category")
    division = committee.division_code
    due = drules.disclosure_due(
        frequency_of(category), period_end,
        parameters.integer("disclosure_grace_days", division, period_end),
        parameters.integer("disclosure_immediate_days", division, period_end),
    )  # fmt: skip
    item = DisclosureItem.objects.create(
        committee=committee, division_code=division, category=category, frequency=frequency_of(category),
        period=require_text(period, "period", "公开期间或事项", 100), period_end=period_end, due_on=due,
        content=require_text(content, "content", "公开内容摘要", 500, False),
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        item,
        f"{committee.name}村务公开：{item.period}",
        ["category", "due_on"],
    )
    return item


@transaction.atomic
def publish_disclosure(
    actor, item: DisclosureItem, *, published_on: date, channel: str, content: str = ""
) -> DisclosureItem:
    may_manage(actor, item.division_code)
    item = DisclosureItem.objects.select_for_update().get(pk=item.pk)
    if item.published_on:
        raise CommunityConflict("该事项已公开")
    if channel not in dict(CHANNEL_CHOICES):
        raise InvalidCommunityInput("请选择公开方式", field="channel")
    item.published_on, item.channel = published_on, channel
    if content:
        item.content = require_text(content, "content", "公开内容摘要", 500)
    item.save()
    audit(actor, AuditEvent.UPDATE, item, f"村务公开：{item.period}", ["published_on", "channel"])
    return item
