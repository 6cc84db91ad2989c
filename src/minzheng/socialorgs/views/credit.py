"""信用名录 pages: proposing a ground, the listing decision, verifying an obligation fulfilled, removal; and
the public query (no login) of what the rules publish."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..models import ListingStatus
from ..selectors import credit as sel
from ..selectors import registry as reg_sel
from ..services import credit as svc
from .common import (
    Action,
    Cell,
    Section,
    can_decide,
    can_manage,
    crumbs,
    detail_page,
    due_cell,
    form_page,
    paginate,
    search,
    table_page,
)

LISTINGS = ("信用名录", "socialorgs:listing_list")
_TAG = {"proposed": "orange", "listed": "red", "removed": "grey", "escalated": "grey", "withdrawn": "grey"}


def _status(listing) -> Cell:
    return Cell(listing.get_status_display(), tag=_TAG[listing.status])


def listing_section(o) -> Section:
    rows = [
        [
            Cell(x.get_list_kind_display(), reverse("socialorgs:listing_detail", args=[x.pk])),
            "；".join(g.get_reason_display() for g in x.grounds.all()),
            x.first_listed_on or "",
            x.removed_on or "",
            _status(x),
        ]
        for x in sel.listings_of(o)
    ]
    return Section("信用名录", ["名录", "事由", "列入日期", "移出日期", "状态"], rows)


def listing_list(request):
    ff, d = search(request, f.ListingFilter)
    page = paginate(
        request,
        sel.listing_list(request.user, list_kind=d.get("list_kind") or "", status=d.get("status") or ""),
    )
    today = date.today()
    rows = []
    for x in page:
        due = x.listing_due_on if x.status == ListingStatus.PROPOSED else x.removal_due_on
        rows.append(
            [
                Cell(x.organisation.name, reverse("socialorgs:listing_detail", args=[x.pk])),
                x.get_list_kind_display(),
                "；".join(g.get_reason_display() for g in x.grounds.all() if not g.rejected),
                x.first_listed_on or "",
                due_cell(due, today)
                if due and x.status in (ListingStatus.PROPOSED, ListingStatus.LISTED)
                else "",
                _status(x),
            ]
        )
    return table_page(
        request,
        title="信用名录",
        trail=crumbs((LISTINGS[0], None)),
        page_obj=page,
        filter_form=ff,
        toolbar=[("公开查询页", reverse("socialorgs_public:credit"))],
        headers=["社会组织", "名录", "事由", "列入日期", "列入/移出期限", "状态"],
        rows=rows,
        intro="认定列入事由后5个工作日内作出列入决定；履行义务经核实后5个工作日内移出。无需整改的（警告、不满5万元罚款）满6个月自动移出，在列期间出现新事由的重新计算；活动异常满2年的由系统每日转入严重违法失信名单，严重违法失信名单满2年且未再出现列入情形的移出。",
    )


def listing_propose(request, pk: int):
    o = reg_sel.organisation_detail(request.user, pk)
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.ProposeListingForm)
    if request.method == "POST" and form.is_valid():
        listing = run_service(form, lambda: svc.propose(request.user, o, **form.cleaned_data))
        if listing:
            messages.success(request, f"已提请，列入决定期限 {listing.listing_due_on}")
            return redirect("socialorgs:listing_detail", pk=listing.pk)
    back = reverse("socialorgs:organisation_detail", args=[pk])
    return form_page(
        request,
        title=f"提请列入信用名录：{o.name}",
        trail=crumbs((LISTINGS[0], reverse(LISTINGS[1])), (o.name, back), ("提请列入", None)),
        form=form,
        cancel_url=back,
        submit="提请",
        intro="事由决定名录：未报年报、未建党组织、未整改、公募条件不再具备、警告或不满5万元罚款、住所无法联系列入活动异常名录；其余列入严重违法失信名单。",
    )


def listing_detail(request, pk: int):
    x = sel.listing_detail(request.user, pk)
    today = date.today()
    removable, why = svc.removable_on(x, today)
    grounds = sel.grounds_of(x)
    fields = [
        (
            "社会组织",
            Cell(x.organisation.name, reverse("socialorgs:organisation_detail", args=[x.organisation_id])),
        ),
        ("统一社会信用代码", x.organisation.uscc),
        ("名录", x.get_list_kind_display()),
        ("状态", _status(x)),
        (
            "列入决定期限",
            due_cell(
                x.listing_due_on,
                today,
                done=x.status != ListingStatus.PROPOSED
                and not any(g.listed_on is None and not g.rejected for g in grounds),
            ),
        ),
        ("首次列入日期", x.first_listed_on or ""),
        ("计时起点（最近一次列入）", x.clock_from or ""),
        (
            "移出期限",
            due_cell(x.removal_due_on, today, done=x.status != ListingStatus.LISTED)
            if x.removal_due_on
            else "",
        ),
        ("移出日期", x.removed_on or ""),
        ("移出理由", x.removal_reason),
        ("能否移出", "可以移出" if removable else why),
    ]
    ground_rows = []
    for g in grounds:
        state = (
            "不予列入"
            if g.rejected
            else (
                "待决定"
                if g.listed_on is None
                else (
                    f"已核实履行（{g.fixed_on}）"
                    if g.fixed_on
                    else ("无需整改" if not svc.rules.needs_fixing(g.reason) else "待履行")
                )
            )
        )
        ground_rows.append(
            [g.get_reason_display(), g.basis, g.established_on, g.listed_on or "", state, g.fix_note]
        )
    sections = [
        Section("列入事由", ["事由", "依据", "事实认定日期", "列入日期", "履行情况", "说明"], ground_rows)
    ]
    actions = []
    pending = [g for g in grounds if g.listed_on is None and not g.rejected]
    if pending and x.status in (ListingStatus.PROPOSED, ListingStatus.LISTED) and can_decide(request.user):
        actions.append(
            Action(
                "列入决定",
                f.ListingDecisionForm(),
                reverse("socialorgs:listing_decide", args=[pk]),
                "提交决定",
                testid="listing-decide-form",
            )
        )
    if x.status == ListingStatus.LISTED and can_manage(request.user):
        for g in grounds:
            if g.listed_on and not g.rejected and not g.fixed_on and svc.rules.needs_fixing(g.reason):
                actions.append(
                    Action(
                        f"核实履行义务：{g.get_reason_display()}",
                        f.FixGroundForm(initial={"ground": g.pk}),
                        reverse("socialorgs:listing_fix", args=[pk]),
                        "核实",
                        testid="fix-form",
                    )
                )
    if removable and can_decide(request.user):
        actions.append(
            Action(
                "移出名录",
                f.RemoveListingForm(),
                reverse("socialorgs:listing_remove", args=[pk]),
                "移出",
                confirm="确认移出名录？",
                testid="remove-form",
            )
        )
    return detail_page(
        request,
        title=f"{x.get_list_kind_display()}：{x.organisation.name}",
        trail=crumbs((LISTINGS[0], reverse(LISTINGS[1])), (x.organisation.name, None)),
        fields=fields,
        sections=sections,
        actions=actions,
        status=_status(x),
    )


def listing_decide(request, pk: int):
    x = sel.listing_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.ListingDecisionForm(request.POST),
        lambda d: svc.decide(
            request.user, x, listed=d["listed"] == "1", decided_on=d["decided_on"], note=d["note"]
        ),
        lambda listing: f"已决定，当前状态：{listing.get_status_display()}",
        reverse("socialorgs:listing_detail", args=[pk]),
    )


def listing_fix(request, pk: int):
    x = sel.listing_detail(request.user, pk)

    def call(d):
        ground = sel.ground_of(x, d["ground"])
        if ground is None:
            from ..errors import SocialOrgConflict

            raise SocialOrgConflict("该事由不在本名录记录中")
        return svc.verify_fixed(request.user, x, ground, fixed_on=d["fixed_on"], note=d["note"])

    return act_then_redirect(
        request,
        f.FixGroundForm(request.POST),
        call,
        lambda listing: (
            "已核实" + (f"，应于 {listing.removal_due_on} 前移出" if listing.removal_due_on else "")
        ),
        reverse("socialorgs:listing_detail", args=[pk]),
    )


def listing_remove(request, pk: int):
    x = sel.listing_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.RemoveListingForm(request.POST),
        lambda d: svc.remove(request.user, x, removed_on=d["removed_on"], reason=d["reason"]),
        "已移出名录",
        reverse("socialorgs:listing_detail", args=[pk]),
    )


def public_credit(request):
    """公开查询 (no login): organisations now on either list, with what 第十六条 publishes."""
    form, d = search(request, f.PublicQueryForm)
    entries = sel.public_entries(d.get("q") or "")
    return render(
        request, "socialorgs/public_credit.html", {"form": form, "entries": entries, "today": date.today()}
    )
