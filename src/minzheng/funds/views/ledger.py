"""资金台账 pages: the funds, one fund (allocations, monthly execution, townships), the people paid."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit import pages
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted
from minzheng.web.kit.pages import Action, Cell, Section, paginate, search

from .. import forms as f
from ..selectors import funds as sel
from ..services import ledger as svc
from .common import can_manage, crumbs, frame, money, percent


def dashboard(request):
    ff, d = search(request, f.FundFilter)
    page = paginate(request, sel.fund_list(request.user, year=d.get("year")))
    names = names_of({x.division_code for x in page})
    rows = [
        [
            Cell(str(x), reverse("funds:fund_detail", args=[x.pk])),
            x.get_level_display(),
            x.get_kind_display(),
            names.get(x.division_code, x.division_code),
            money(x.budget),
            money(x.allocated),
            Cell("已全部下达", tag="green") if x.allocated == x.budget else Cell("未全部下达", tag="orange"),
        ]
        for x in page
    ]
    toolbar = [("新增资金", reverse("funds:fund_create"))] if can_manage(request.user) else []
    if can_manage(request.user):
        toolbar.append(("资金比对", reverse("funds:run_checks")))
    return pages.table_page(
        request,
        frame=frame("资金台账", crumbs(("资金台账", None))),
        page_obj=page,
        filter_form=ff,
        toolbar=toolbar,
        headers=["资金", "资金来源", "预算类别", "预算单位", "预算金额", "已下达", "下达情况"],
        rows=rows,
        intro="按来源（中央、省、市、县）和预算类别（一般公共预算、彩票公益金）登记年度资金，逐级下达，按发放花名册记账；一笔发放只能记入一项资金。",
    )


def fund_create(request):
    require(request.user, Capability.MANAGE_FUNDS)
    form = submitted(request, f.FundForm, initial={"division_code": request.user.division_code})
    if request.method == "POST" and form.is_valid():
        fund = run_service(form, lambda: svc.create_fund(request.user, **form.cleaned_data))
        if fund:
            messages.success(request, f"已新增资金：{fund}")
            return redirect("funds:fund_detail", pk=fund.pk)
    return pages.form_page(
        request,
        frame=frame("新增资金", crumbs(("新增资金", None))),
        form=form,
        cancel_url=reverse("funds:dashboard"),
    )


def fund_detail(request, pk: int):
    fund = sel.fund_detail(request.user, pk)
    totals = sel.fund_totals(fund)
    allocations = sel.allocations_of(fund)
    towns = sel.township_totals(fund)
    names = names_of(
        {a["allocation"].division_code for a in allocations}
        | {t["township_code"] for t in towns}
        | {fund.division_code}
    )
    payments_url = reverse("funds:fund_payments", args=[pk])
    sections = [
        Section(
            "资金下达",
            ["下达区划", "下达日期", "文号", "下达金额", "已支出", "执行率"],
            [
                [
                    names.get(a["allocation"].division_code, a["allocation"].division_code),
                    a["allocation"].allocated_on,
                    a["allocation"].document_number,
                    money(a["allocation"].amount),
                    money(a["spent"]),
                    percent(a["rate"]),
                ]
                for a in allocations
            ],
        ),
        Section(
            "按月执行情况",
            ["月份", "当月支出", "累计支出", "结余", "累计执行率"],
            [
                [
                    f"{m.month:%Y-%m}",
                    money(m.disbursed),
                    money(m.cumulative),
                    money(m.balance),
                    percent(m.rate),
                ]
                for m in sel.fund_execution(fund)
            ],
        ),
        Section(
            "按乡镇（街道）支出",
            ["乡镇（街道）", "笔数", "户数", "金额"],
            [
                [
                    Cell(
                        names.get(t["township_code"], t["township_code"]),
                        f"{payments_url}?township_code={t['township_code']}",
                    ),
                    t["lines"],
                    t["households"],
                    money(t["amount"]),
                ]
                for t in towns
            ],
        ),
    ]
    actions = []
    if can_manage(request.user):
        actions.append(
            Action(
                "资金下达",
                f.AllocationForm(),
                reverse("funds:allocate", args=[pk]),
                submit="下达",
                testid="allocate",
            )
        )
        for a in allocations:
            label = names.get(a["allocation"].division_code, a["allocation"].division_code)
            actions.append(
                Action(
                    f"按花名册记账：{label}",
                    f.BookingForm(initial={"allocation": a["allocation"].pk}),
                    reverse("funds:book", args=[pk]),
                    submit="记账",
                    testid=f"book-{a['allocation'].pk}",
                )
            )
    return pages.detail_page(
        request,
        frame=frame(str(fund), crumbs(("资金台账", reverse("funds:dashboard")), (str(fund), None))),
        fields=[
            ("资金来源", fund.get_level_display()),
            ("预算类别", fund.get_kind_display()),
            ("预算单位", names.get(fund.division_code, fund.division_code)),
            ("文号", fund.document_number),
            ("预算金额", money(fund.budget)),
            ("已下达", money(totals["allocated"])),
            ("已支出", Cell(money(totals["spent"]), payments_url)),
            ("结余", money(totals["balance"])),
            ("执行率", percent(totals["rate"])),
        ],
        sections=sections,
        actions=actions,
        testid="fund-detail",
    )


def allocate(request, pk: int):
    fund = sel.fund_detail(request.user, pk)
    form = f.AllocationForm(request.POST)
    return act_then_redirect(
        request,
        form,
        lambda d: svc.allocate(request.user, fund, **d),
        "已下达",
        reverse("funds:fund_detail", args=[pk]),
    )


def book(request, pk: int):
    fund = sel.fund_detail(request.user, pk)
    form = f.BookingForm(request.POST)

    def call(d):
        allocation = sel.allocation_in(fund, d["allocation"])
        return svc.book_payments(request.user, allocation, month_from=d["month_from"], month_to=d["month_to"])

    return act_then_redirect(
        request, form, call, lambda n: f"已记账 {n} 笔发放", reverse("funds:fund_detail", args=[pk])
    )


def fund_payments(request, pk: int):
    fund = sel.fund_detail(request.user, pk)
    ff, d = search(request, f.PaymentFilter)
    page = paginate(
        request,
        sel.fund_payments(
            request.user, fund, township_code=d.get("township_code") or "", month=d.get("month")
        ),
    )
    names = names_of({r.township_code for r in page} | {r.division_code for r in page})
    rows = [
        [
            f"{r.month:%Y-%m}",
            r.program_name,
            names.get(r.township_code, r.township_code),
            names.get(r.division_code, r.division_code),
            r.household_number,
            r.payee_name,
            r.payee_id_masked,
            money(r.amount),
        ]
        for r in page
    ]
    return pages.table_page(
        request,
        frame=frame(
            f"{fund} · 支出明细",
            crumbs(
                ("资金台账", reverse("funds:dashboard")),
                (str(fund), reverse("funds:fund_detail", args=[pk])),
                ("支出明细", None),
            ),
        ),
        page_obj=page,
        filter_form=ff,
        headers=["月份", "救助项目", "乡镇（街道）", "村（社区）", "户编号", "领款人", "证件号码", "金额"],
        rows=rows,
    )
