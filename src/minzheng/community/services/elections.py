"""换届选举: a township opens the round, the voter list is kept and published (≥ 20 days before the election),
objections are filed (≤ 5 days) and answered (≤ 3 days), candidates stand, results are recorded and the new
committee takes office; recalls (罢免). Every clock is a pure rule (``rules/elections.py``)."""

from datetime import date

from django.db import transaction

from minzheng.core.models import AuditEvent

from ..errors import CommunityConflict, InvalidCommunityInput
from ..models import Candidate, Committee, ElectionRound, Member, Objection, Recall, RoundStatus, Voter
from ..models.choices import VOTER_CATEGORIES
from ..rules import elections as rules
from . import parameters
from .common import audit, may_manage, require_text

_ROUND_FIELDS = ["status", "election_on", "publish_by", "published_on", "registered_voters", "ballots"]


def _locked(round_: ElectionRound) -> ElectionRound:
    return ElectionRound.objects.select_for_update().get(pk=round_.pk)


def clocks(round_: ElectionRound) -> rules.ElectionClocks:
    return parameters.election_clocks(round_.division_code, round_.election_on)


@transaction.atomic
def open_round(
    actor, committee: Committee, *, round_year: int, election_on: date, today: date
) -> ElectionRound:
    may_manage(actor, committee.division_code)
    term = committee.term_number + 1
    if ElectionRound.objects.filter(committee=committee, term_number=term).exists():
        raise CommunityConflict(f"第{term}届换届选举已开启")
    c = parameters.election_clocks(committee.division_code, election_on)
    publish_by = rules.latest_publication(election_on, c.publication_days)
    if publish_by < today:
        raise InvalidCommunityInput(
            f"选民名单应在选举日{c.publication_days}日以前公布（最迟{publish_by}），已来不及，请推后选举日",
            field="election_on",
        )
    round_ = ElectionRound.objects.create(
        committee=committee, division_code=committee.division_code, round_year=round_year, term_number=term,
        election_on=election_on, publish_by=publish_by, opened_by=actor,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, round_, f"{committee.name}第{term}届换届选举", _ROUND_FIELDS)
    return round_


@transaction.atomic
def add_voter(
    actor, round_: ElectionRound, *, name: str, category: str, group_name: str = "",
    resided_since: date | None = None, consented_on: date | None = None,
) -> Voter:  # fmt: skip
    may_manage(actor, round_.division_code)
    round_ = _locked(round_)
    if round_.status not in (RoundStatus.PREPARING, RoundStatus.PUBLISHED):
        raise CommunityConflict("选举已结束，不能再登记选民")
    if category not in dict(VOTER_CATEGORIES):
        raise InvalidCommunityInput("请选择登记类别", field="category")
    c = clocks(round_)
    problem = rules.voter_category_problem(
        category, resided_since, consented_on, round_.election_on, c.non_hukou_residence_years
    )
    if problem:
        raise InvalidCommunityInput(f"{problem}（村民委员会组织法第十三条）", field="category")
    voter = Voter.objects.create(
        round=round_, name=require_text(name, "name", "姓名", 50), category=category,
        group_name=require_text(group_name, "group_name", "村民小组", 50, False),
        resided_since=resided_since, consented_on=consented_on,
    )  # fmt: skip
    if round_.status == RoundStatus.PUBLISHED:  # an objection upheld adds a voter after publication
        round_.registered_voters = round_.voters.count()
        round_.save(update_fields=["registered_voters"])
    audit(actor, AuditEvent.CREATE, voter, f"登记选民{voter.name}", ["name", "category"])
    return voter


@transaction.atomic
def publish_voter_list(actor, round_: ElectionRound, *, published_on: date) -> ElectionRound:
    """第十四条: published on or before the election day minus 20 days; the objection window opens."""
    may_manage(actor, round_.division_code)
    round_ = _locked(round_)
    if round_.status != RoundStatus.PREPARING:
        raise CommunityConflict("选民名单已公布")
    c = clocks(round_)
    if not rules.publication_in_time(published_on, round_.election_on, c.publication_days):
        raise InvalidCommunityInput(
            f"选民名单应在选举日的{c.publication_days}日以前公布，最迟{round_.publish_by}（第十四条）",
            field="published_on",
        )
    voters = round_.voters.count()
    if voters == 0:
        raise InvalidCommunityInput("选民名单为空，请先登记选民", field="published_on")
    before = {"status": round_.status}
    round_.status, round_.published_on = RoundStatus.PUBLISHED, published_on
    round_.objections_until = rules.objection_deadline(published_on, c.objection_days)
    round_.registered_voters = voters
    round_.save()
    audit(actor, AuditEvent.UPDATE, round_, "公布选民名单", _ROUND_FIELDS, before)
    return round_


@transaction.atomic
def file_objection(
    actor, round_: ElectionRound, *, filed_on: date, complainant: str, matter: str
) -> Objection:
    may_manage(actor, round_.division_code)
    round_ = _locked(round_)
    if round_.status != RoundStatus.PUBLISHED:
        raise CommunityConflict("选民名单尚未公布或选举已结束")
    c = clocks(round_)
    if not rules.objection_in_time(filed_on, round_.published_on, c.objection_days):
        raise InvalidCommunityInput(
            f"申诉应自名单公布之日起{c.objection_days}日内提出（{round_.objections_until}前，第十四条）",
            field="filed_on",
        )
    objection = Objection.objects.create(
        round=round_, filed_on=filed_on, complainant=require_text(complainant, "complainant", "申诉人", 50),
        matter=require_text(matter, "matter", "申诉事项", 300),
        answer_by=rules.answer_deadline(filed_on, c.answer_days),
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        objection,
        f"{objection.complainant}申诉",
        ["filed_on", "answer_by"],
    )
    return objection


@transaction.atomic
def answer_objection(
    actor, objection: Objection, *, answered_on: date, upheld: bool, answer: str
) -> Objection:
    may_manage(actor, objection.round.division_code)
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    if objection.answered_on:
        raise CommunityConflict("该申诉已处理")
    if answered_on < objection.filed_on:
        raise InvalidCommunityInput("处理日期不能早于申诉日期", field="answered_on")
    objection.answered_on, objection.upheld = answered_on, upheld
    objection.answer = require_text(answer, "answer", "处理决定", 300)
    objection.save()
    audit(actor, AuditEvent.UPDATE, objection, "处理申诉", ["answered_on", "upheld", "answer"])
    return objection


@transaction.atomic
def add_candidate(
    actor, round_: ElectionRound, *, name: str, sex: str, post: str, party_member: bool = False,
    party_secretary: bool = False,
) -> Candidate:  # fmt: skip
    may_manage(actor, round_.division_code)
    if round_.status in (RoundStatus.HELD, RoundStatus.FAILED):
        raise CommunityConflict("选举已结束")
    candidate = Candidate.objects.create(
        round=round_, name=require_text(name, "name", "姓名", 50), sex=sex, post=post,
        party_member=party_member or party_secretary, party_secretary=party_secretary,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, candidate, f"候选人{candidate.name}", ["name", "post"])
    return candidate


@transaction.atomic
def record_results(
    actor, round_: ElectionRound, *, held_on: date, ballots: int, votes: dict[int, int]
) -> ElectionRound:
    """第十五条: valid when more than half of the registered voters voted; a candidate with more than half of
    the ballots is elected. A valid election ends the old term and seats the elected members."""
    may_manage(actor, round_.division_code)
    round_ = _locked(round_)
    if round_.status != RoundStatus.PUBLISHED:
        raise CommunityConflict("选民名单公布后才能登记选举结果")
    if round_.objections.filter(answered_on__isnull=True).exists():
        raise CommunityConflict("还有未处理的选民名单申诉")
    if held_on < round_.election_on:
        raise InvalidCommunityInput(f"选举日期不能早于公布的选举日{round_.election_on}", field="held_on")
    if held_on > date.today():
        raise InvalidCommunityInput("选举尚未举行，不能登记结果", field="held_on")
    if ballots > round_.registered_voters:
        raise InvalidCommunityInput(f"投票人数不能超过登记选民数{round_.registered_voters}", field="ballots")
    candidates = list(round_.candidates.all())
    for candidate in candidates:
        n = votes.get(candidate.pk, 0)
        if n > ballots:
            raise InvalidCommunityInput(f"{candidate.name}的得票数不能超过投票人数", field="ballots")
        candidate.votes, candidate.elected = n, rules.elected(n, ballots)
        candidate.save(update_fields=["votes", "elected"])
    before = {"status": round_.status}
    round_.held_on, round_.ballots = held_on, ballots
    valid = rules.election_valid(round_.registered_voters, ballots)
    round_.status = RoundStatus.HELD if valid else RoundStatus.FAILED
    round_.save()
    audit(actor, AuditEvent.UPDATE, round_, "登记选举结果", _ROUND_FIELDS, before)
    if valid:
        _seat(actor, round_, [c for c in candidates if c.elected], held_on)
    return round_


def _seat(actor, round_: ElectionRound, elected: list[Candidate], held_on: date) -> None:
    committee = Committee.objects.select_for_update().get(pk=round_.committee_id)
    years = parameters.integer("term_years", committee.division_code, held_on)
    committee.members.filter(ended_on__isnull=True).update(
        ended_on=held_on, end_reason=f"第{round_.term_number}届换届"
    )
    Member.objects.bulk_create(
        Member(committee=committee, name=c.name, sex=c.sex, role=c.post, party_member=c.party_member,
               party_secretary=c.party_secretary, term_start=held_on)
        for c in elected
    )  # fmt: skip
    committee.term_number, committee.term_start = round_.term_number, held_on
    committee.term_end = rules.term_end(held_on, years)
    committee.save(update_fields=["term_number", "term_start", "term_end"])
    audit(
        actor,
        AuditEvent.UPDATE,
        committee,
        f"{committee.name}第{round_.term_number}届就任",
        ["term_number"],
    )


@transaction.atomic
def propose_recall(
    actor,
    member: Member,
    *,
    by_representatives: bool,
    signatures: int,
    base: int,
    proposed_on: date,
    reason: str,
) -> Recall:
    """第十六条: 1/5 of the voters or 1/3 of the representatives sign."""
    division = member.committee.division_code
    may_manage(actor, division)
    if member.ended_on:
        raise CommunityConflict("该成员职务已终止")
    name = "recall_representatives_denominator" if by_representatives else "recall_voters_denominator"
    denominator = parameters.integer(name, division, proposed_on)
    if signatures > base:
        raise InvalidCommunityInput("联名人数不能超过总数", field="signatures")
    if not rules.recall_may_be_proposed(signatures, base, denominator):
        who = "村民代表" if by_representatives else "有选举权的村民"
        raise InvalidCommunityInput(
            f"罢免要求须有{who}{denominator}分之一以上联名（第十六条）", field="signatures"
        )
    recall = Recall.objects.create(
        member=member, division_code=division, by_representatives=by_representatives, signatures=signatures,
        base=base, proposed_on=proposed_on, reason=require_text(reason, "reason", "罢免理由", 300),
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, recall, f"提出罢免{member.name}", ["signatures", "base"])
    return recall


@transaction.atomic
def record_recall_vote(
    actor, recall: Recall, *, registered: int, ballots: int, yes_votes: int, voted_on: date
) -> Recall:
    may_manage(actor, recall.division_code)
    recall = Recall.objects.select_for_update().get(pk=recall.pk)
    if recall.passed is not None:
        raise CommunityConflict("罢免已表决")
    if ballots > registered or yes_votes > ballots:
        raise InvalidCommunityInput("投票人数不能超过登记选民数，赞成票不能超过投票人数", field="ballots")
    recall.registered, recall.ballots, recall.yes_votes, recall.voted_on = (
        registered,
        ballots,
        yes_votes,
        voted_on,
    )
    recall.passed = rules.recall_passes(registered, ballots, yes_votes)
    recall.save()
    audit(actor, AuditEvent.UPDATE, recall, "罢免表决", ["ballots", "yes_votes", "passed"])
    if recall.passed:
        member = recall.member
        member.ended_on, member.end_reason = voted_on, "经村民表决罢免（村民委员会组织法第十六条）"
        member.save(update_fields=["ended_on", "end_reason"])
    return recall
