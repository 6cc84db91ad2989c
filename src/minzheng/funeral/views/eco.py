"""节地生态安葬 pages: the burials, one burial's registration (from a death), the 奖补 standards, and the award lists
(制表, 提交, 审核 or 退回, export — the same maker-checker as the 惠民殡葬结算)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.views.common import xlsx_response
from minzheng.web.kit.forms import run_service

from ..forms import ApproveForm, AwardListForm, EcoAwardRuleForm, EcoBurialForm, SendBackForm, SubmitForm
from ..selectors import cemeteries as cemetery_sel
from ..selectors import deaths as death_sel
from ..selectors import eco as sel
from ..services import eco as svc
from .common import (
    Cell,
    Section,
    can_set_policy,
    crumbs,
    detail_page,
    form_page,
    list_status,
    maker_checker_actions,
    money,
    paginate,
    post_action,
    table_page,
)

ROOT = ("节地生态安葬", "funeral:eco_list")


def _trail(*tail):
    return crumbs((ROOT[0], reverse(ROOT[1])), *tail)


def eco_list(request):
    page = paginate(request, sel.eco_burials(request.user))
    names = names_of({b.division_code for b in page})
    rows = [
        [Cell(b.death.display_name, reverse("funeral:death_detail", args=[b.death_id])), b.get_method_display(),
         b.buried_on, b.cemetery.name if b.cemetery else (b.place or "—"), names.get(b.division_code, b.division_code),
         b.family_name or "—", money(b.award), "已列入发放表" if b.award_list_id else ("待发放" if b.award else "—")]
        for b in page
    ]  # fmt: skip
    toolbar = [
        ("奖补标准", reverse("funeral:eco_rule_list")),
        ("奖补发放表", reverse("funeral:award_list_list")),
    ]
    return table_page(
        request, title="节地生态安葬", trail=crumbs((ROOT[0], None)), page_obj=page, toolbar=toolbar,
        headers=["逝者", "安葬方式", "安葬日期", "公墓/地点", "区划", "领取家属", "奖补金额", "发放"], rows=rows,
        intro="树葬、花坛草坪葬、海葬、骨灰深埋、撒散、格位存放等不占或少占土地的安葬；在逝者的死亡信息页登记，"
        "奖补按逝者居住地安葬当日有效的标准计算。",
    )  # fmt: skip


def eco_create(request):
    require(request.user, Capability.MANAGE_FUNERAL)
    death = death_sel.death_for_action(request.user, _pk(request.GET.get("death")))
    cemeteries = [(c.pk, c.name) for c in cemetery_sel.cemetery_list(request.user)]
    form = EcoBurialForm(request.POST or None, cemeteries=cemeteries)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        cemetery = cemetery_sel.cemetery_detail(request.user, d["cemetery"]) if d["cemetery"] else None
        burial = run_service(
            form,
            lambda: svc.record_eco_burial(
                request.user, death, method=d["method"], buried_on=d["buried_on"], cemetery=cemetery,
                place=d["place"], family_name=d["family_name"],
            ),
        )  # fmt: skip
        if burial:
            messages.success(request, f"已登记{burial.get_method_display()}，奖补{money(burial.award)}")
            return redirect("funeral:death_detail", pk=death.pk)
    back = reverse("funeral:death_detail", args=[death.pk])
    return form_page(
        request, title=f"节地生态安葬登记：{death.display_name}", trail=_trail(("登记", None)), form=form,
        cancel_url=back, submit="登记",
    )  # fmt: skip


def _pk(value) -> int:
    from django.http import Http404

    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404("记录不存在或不在您的管辖范围内") from None


def eco_rule_list(request):
    page = paginate(request, sel.award_rules(request.user))
    names = names_of({r.division_code for r in page})
    rows = [
        [r.get_method_display(), names.get(r.division_code, r.division_code), money(r.amount), r.effective_from,
         r.valid_to or "—", r.source_note]
        for r in page
    ]  # fmt: skip
    toolbar = [("新增奖补标准", reverse("funeral:eco_rule_create"))] if can_set_policy(request.user) else []
    return table_page(
        request, title="节地生态安葬奖补标准", trail=_trail(("奖补标准", None)), page_obj=page, toolbar=toolbar,
        headers=["安葬方式", "适用区划", "奖补金额（元/人）", "生效日期", "失效日期", "依据"], rows=rows,
        intro="按安葬方式、区划和生效日期设定；安葬当日逝者居住地最具体区划的有效标准适用。",
    )  # fmt: skip


def eco_rule_create(request):
    require(request.user, Capability.MANAGE_POLICY)
    form = EcoAwardRuleForm(request.POST or None, initial={"division_code": request.user.division_code})
    if request.method == "POST" and form.is_valid():
        rule = run_service(form, lambda: svc.set_award_rule(request.user, **form.cleaned_data))
        if rule:
            messages.success(request, f"已新增奖补标准：{rule}")
            return redirect("funeral:eco_rule_list")
    back = reverse("funeral:eco_rule_list")
    return form_page(
        request, title="新增节地生态安葬奖补标准", trail=_trail(("奖补标准", back), ("新增", None)), form=form,
        cancel_url=back,
    )  # fmt: skip


def award_list_list(request):
    page = paginate(request, sel.award_lists(request.user))
    names = names_of({a.division_code for a in page})
    rows = [
        [Cell(f"{a.month:%Y年%m月}", reverse("funeral:award_list_detail", args=[a.pk])),
         names.get(a.division_code, a.division_code), a.awards_count, money(a.total), a.prepared_by.display_name,
         a.approved_by.display_name if a.approved_by else "—", list_status(a)]
        for a in page
    ]  # fmt: skip
    toolbar = (
        [("制作奖补发放表", reverse("funeral:award_list_create"))]
        if has_capability(request.user, Capability.PREPARE_PAYROLL)
        else []
    )
    return table_page(
        request, title="节地生态安葬奖补发放表", trail=_trail(("奖补发放表", None)), page_obj=page, toolbar=toolbar,
        headers=["月份", "区划", "人数", "奖补金额", "制表人", "审核人", "状态"], rows=rows,
        intro="按月汇总当月登记的节地生态安葬奖补，经办人制表、审批人审核（制表人不能审核），审核后导出作为发放依据。",
    )  # fmt: skip


def award_list_create(request):
    require(request.user, Capability.PREPARE_PAYROLL)
    form = AwardListForm(request.POST or None, initial={"division_code": request.user.division_code})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        awards = run_service(
            form,
            lambda: svc.prepare_award_list(request.user, division_code=d["division_code"], month=d["month"]),
        )
        if awards:
            messages.success(request, f"已制表：{awards.awards_count}人，{money(awards.total)}")
            return redirect("funeral:award_list_detail", pk=awards.pk)
    back = reverse("funeral:award_list_list")
    return form_page(
        request, title="制作节地生态安葬奖补发放表", trail=_trail(("奖补发放表", back), ("制表", None)), form=form,
        cancel_url=back, submit="制表",
        intro="同一区划同一月份只有一份发放表；待提交或被退回的发放表重新制表时按当前登记情况刷新。",
    )  # fmt: skip


def award_list_detail(request, pk: int):
    a = sel.award_list_detail(request.user, pk)
    if request.GET.get("export") == "xlsx":
        return xlsx_response(svc.export(request.user, a), f"节地生态安葬奖补_{a.month:%Y%m}")
    name = names_of({a.division_code}).get(a.division_code, a.division_code)
    fields = [
        ("区划", name), ("发放月份", f"{a.month:%Y年%m月}"), ("人数", a.awards_count), ("奖补金额合计", money(a.total)),
        ("制表人", a.prepared_by.display_name), ("审核人", a.approved_by.display_name if a.approved_by else "—"),
        ("退回意见", a.return_note or "—"),
    ]  # fmt: skip
    burials = Section(
        "发放明细", ["逝者", "安葬方式", "安葬日期", "领取家属", "奖补金额"],
        [[b.death.display_name, b.get_method_display(), b.buried_on, b.family_name, money(b.award)]
         for b in sel.award_list_burials(a)],
        empty="本月没有节地生态安葬奖补",
    )  # fmt: skip
    actions = maker_checker_actions(
        request.user, a.status, submit=reverse("funeral:award_list_submit", args=[pk]),
        approve=reverse("funeral:award_list_approve", args=[pk]),
        send_back=reverse("funeral:award_list_return", args=[pk]), testid="award-list",
    )  # fmt: skip
    return detail_page(
        request, title=f"{name} {a.month:%Y年%m月}节地生态安葬奖补",
        trail=_trail(("奖补发放表", reverse("funeral:award_list_list")), (f"{a.month:%Y年%m月}", None)),
        fields=fields, sections=[burials], actions=actions, toolbar=[("导出Excel", "?export=xlsx")],
        status=list_status(a), testid="award-list-detail",
    )  # fmt: skip


def _act(request, pk, form_class, call, success):
    a = sel.award_list_detail(request.user, pk)
    return post_action(
        request, form_class(request.POST), lambda d: call(a, d), success,
        reverse("funeral:award_list_detail", args=[pk]),
    )  # fmt: skip


def award_list_submit(request, pk: int):
    return _act(request, pk, SubmitForm, lambda a, d: svc.submit(request.user, a), "已提交审核")


def award_list_approve(request, pk: int):
    return _act(request, pk, ApproveForm, lambda a, d: svc.approve(request.user, a), "已审核通过")


def award_list_return(request, pk: int):
    return _act(
        request, pk, SendBackForm, lambda a, d: svc.send_back(request.user, a, reason=d["reason"]), "已退回"
    )
