"""换届 pages: the rounds with their clocks, one round with its voter list, objections, candidates and results;
罢免."""

from datetime import date

from django.urls import reverse

from minzheng.web.kit.forms import act_then_redirect

from .. import forms as f
from ..errors import InvalidCommunityInput
from ..models import RoundStatus
from ..selectors import committees as sel
from ..services import elections as svc
from .common import (
    Action,
    Cell,
    Section,
    can_manage,
    crumbs,
    detail_page,
    due_cell,
    link,
    paginate,
    search,
    table_page,
)

ROUNDS = ("换届选举", "community:round_list")
_TAG = {"preparing": "orange", "published": "orange", "held": "green", "failed": "red"}


def round_list(request):
    ff, d = search(request, f.RoundFilter)
    page = paginate(
        request,
        sel.round_list(
            request.user,
            status=d.get("status") or "",
            year=d.get("year"),
            division_code=d.get("division_code") or "",
        ),
    )
    today = date.today()
    rows = [
        [
            link(r.committee.name, "community:round_detail", r.pk),
            f"第{r.term_number}届",
            r.election_on,
            due_cell(r.publish_by, today, done=r.published_on is not None),
            r.published_on or "",
            due_cell(
                r.objections_until,
                today,
                done=r.objections_until is None or r.status != RoundStatus.PUBLISHED,
            )
            if r.objections_until
            else "",
            Cell(f"{r.open_objections}件", tag="orange") if r.open_objections else "",
            Cell(r.get_status_display(), tag=_TAG[r.status]),
        ]
        for r in page
    ]
    return table_page(
        request,
        title="换届选举",
        trail=crumbs((ROUNDS[0], None)),
        page_obj=page,
        filter_form=ff,
        headers=[
            "村（居）委会",
            "届次",
            "选举日",
            "选民名单最迟公布日",
            "公布日期",
            "申诉截止",
            "未处理申诉",
            "状态",
        ],
        rows=rows,
        intro="选民名单应当在选举日的二十日以前公布；对名单有异议的，自公布之日起五日内申诉，村民选举委员会自收到申诉之日起三日内作出处理决定（村民委员会组织法第十四条）。有登记参加选举的村民过半数投票，选举有效；候选人获得参加投票的村民过半数的选票，始得当选（第十五条）。",
    )


def round_detail(request, pk: int):
    r = sel.round_detail(request.user, pk)
    today = date.today()
    voters = list(r.voters.all())
    objections = list(r.objections.order_by("filed_on", "pk"))
    candidates = list(r.candidates.order_by("post", "pk"))
    by_category = {}
    for v in voters:
        by_category[v.get_category_display()] = by_category.get(v.get_category_display(), 0) + 1
    fields = [
        ("村（居）委会", link(r.committee.name, "community:committee_detail", r.committee_id)),
        ("届次 / 换届年度", f"第{r.term_number}届 / {r.round_year}年"),
        ("选举日", r.election_on),
        ("选民名单最迟公布日", due_cell(r.publish_by, today, done=r.published_on is not None)),
        ("选民名单公布日期", r.published_on or "未公布"),
        (
            "申诉截止日",
            due_cell(r.objections_until, today, done=r.status != RoundStatus.PUBLISHED)
            if r.objections_until
            else "—",
        ),
        (
            "登记选民",
            f"{len(voters)}人（" + "，".join(f"{k}{n}人" for k, n in by_category.items()) + "）"
            if voters
            else "0人",
        ),
        ("参加投票", f"{r.ballots}人" if r.ballots is not None else "—"),
        ("状态", Cell(r.get_status_display(), tag=_TAG[r.status])),
    ]
    sections = [
        Section(
            "选民名单申诉",
            ["申诉人", "申诉日期", "申诉事项", "处理期限", "处理结果"],
            [
                [
                    o.complainant,
                    o.filed_on,
                    o.matter,
                    due_cell(o.answer_by, today, done=o.answered_on is not None),
                    f"{'成立' if o.upheld else '不成立'}：{o.answer}（{o.answered_on}）"
                    if o.answered_on
                    else "待处理",
                ]
                for o in objections
            ],
        ),
        Section(
            "候选人",
            ["姓名", "性别", "候选职务", "中共党员", "一肩挑人选", "得票", "当选"],
            [
                [
                    c.name,
                    c.get_sex_display(),
                    c.get_post_display(),
                    "是" if c.party_member else "否",
                    "是" if c.party_secretary else "否",
                    c.votes if c.votes is not None else "",
                    Cell("当选", tag="green") if c.elected else "",
                ]
                for c in candidates
            ],
        ),
        Section(
            "选民名单",
            ["姓名", "登记类别", "村民小组"],
            [[v.name, v.get_category_display(), v.group_name] for v in voters[:200]],
        ),
    ]
    actions = []
    if can_manage(request.user) and r.status in (RoundStatus.PREPARING, RoundStatus.PUBLISHED):
        u = lambda name: reverse(f"community:{name}", args=[pk])  # noqa: E731
        actions.append(Action("登记选民", f.VoterForm(), u("voter_add"), "登记", testid="voter-form"))
        if r.status == RoundStatus.PREPARING:
            actions.append(
                Action(
                    "公布选民名单", f.PublishForm(), u("voter_list_publish"), "公布", testid="publish-form"
                )
            )
        else:
            actions.append(
                Action("登记申诉", f.ObjectionForm(), u("objection_add"), "登记", testid="objection-form")
            )
            open_ones = [o for o in objections if o.answered_on is None]
            if open_ones:
                actions.append(
                    Action(
                        "处理申诉",
                        f.AnswerForm(objections=open_ones),
                        u("objection_answer"),
                        "处理",
                        testid="answer-form",
                    )
                )
        actions.append(
            Action("登记候选人", f.CandidateForm(), u("candidate_add"), "登记", testid="candidate-form")
        )
        if r.status == RoundStatus.PUBLISHED and candidates:
            actions.append(
                Action("登记选举结果", f.ResultsForm(candidates=candidates, initial={"held_on": r.election_on}),
                       u("results_record"), "登记", testid="results-form")
            )  # fmt: skip
    return detail_page(
        request,
        title=f"{r.committee.name}第{r.term_number}届换届选举",
        trail=crumbs((ROUNDS[0], reverse(ROUNDS[1])), (r.committee.name, None)),
        fields=fields,
        sections=sections,
        actions=actions,
        testid="round-detail",
    )


def _act(request, pk, form, call, success):
    r = sel.round_detail(request.user, pk)
    return act_then_redirect(
        request, form, lambda d: call(r, d), success, reverse("community:round_detail", args=[pk])
    )


def voter_add(request, pk: int):
    return _act(
        request, pk, f.VoterForm(request.POST), lambda r, d: svc.add_voter(request.user, r, **d), "已登记选民"
    )


def voter_list_publish(request, pk: int):
    return _act(request, pk, f.PublishForm(request.POST), lambda r, d: svc.publish_voter_list(
        request.user, r, published_on=d["published_on"]), lambda r: f"已公布选民名单，申诉截止{r.objections_until}")  # fmt: skip


def objection_add(request, pk: int):
    return _act(request, pk, f.ObjectionForm(request.POST), lambda r, d: svc.file_objection(request.user, r, **d),
                lambda o: f"已登记申诉，应于{o.answer_by}前处理")  # fmt: skip


def objection_answer(request, pk: int):
    r = sel.round_detail(request.user, pk)
    form = f.AnswerForm(request.POST, objections=list(r.objections.filter(answered_on__isnull=True)))

    def call(r, d):
        objection = r.objections.filter(pk=int(d["objection"])).first()
        if objection is None:
            raise InvalidCommunityInput("请选择申诉", field="objection")
        return svc.answer_objection(
            request.user,
            objection,
            answered_on=d["answered_on"],
            upheld=d["upheld"] == "1",
            answer=d["answer"],
        )

    return _act(request, pk, form, call, "已处理申诉")


def candidate_add(request, pk: int):
    return _act(
        request,
        pk,
        f.CandidateForm(request.POST),
        lambda r, d: svc.add_candidate(request.user, r, **d),
        "已登记候选人",
    )


def results_record(request, pk: int):
    r = sel.round_detail(request.user, pk)
    form = f.ResultsForm(request.POST, candidates=list(r.candidates.all()))
    return _act(request, pk, form, lambda r, d: svc.record_results(
        request.user, r, held_on=d["held_on"], ballots=d["ballots"], votes=form.votes()),
        lambda r: "选举有效，新一届委员会已就任" if r.status == RoundStatus.HELD else "参加投票未过半数，选举无效")  # fmt: skip


def recall_detail(request, pk: int):
    x = sel.recall_detail(request.user, pk)
    fields = [
        ("被罢免成员", f"{x.member.name}（{x.member.get_role_display()}）"),
        ("村（居）委会", link(x.member.committee.name, "community:committee_detail", x.member.committee_id)),
        ("联名", f"{'村民代表' if x.by_representatives else '有选举权的村民'}{x.signatures}人 / {x.base}人"),
        ("提出日期", x.proposed_on),
        ("罢免理由", x.reason),
        (
            "表决",
            "待表决"
            if x.passed is None
            else f"登记选民{x.registered}人，投票{x.ballots}人，赞成{x.yes_votes}票（{x.voted_on}）",
        ),
        (
            "结果",
            ""
            if x.passed is None
            else Cell("罢免通过", tag="red")
            if x.passed
            else Cell("未通过", tag="grey"),
        ),
    ]
    actions = []
    if can_manage(request.user) and x.passed is None:
        actions.append(
            Action("登记表决结果", f.RecallVoteForm(), reverse("community:recall_vote", args=[pk]), "登记")
        )
    return detail_page(
        request, title=f"罢免：{x.member.name}", trail=crumbs((ROUNDS[0], reverse(ROUNDS[1])), ("罢免", None)),
        fields=fields, actions=actions,
    )  # fmt: skip


def recall_vote(request, pk: int):
    x = sel.recall_detail(request.user, pk)
    return act_then_redirect(
        request, f.RecallVoteForm(request.POST), lambda d: svc.record_recall_vote(request.user, x, **d),
        lambda r: "罢免通过，职务终止" if r.passed else "罢免未通过", reverse("community:recall_detail", args=[pk]),
    )  # fmt: skip
