"""资金疑点 pages: run the checks, the findings, one finding with its evidence and outcome, the 追回 statistics."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.batch.fundchecks import CHECK_CODES
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit import pages
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted
from minzheng.web.kit.pages import Action, Cell, paginate, search

from .. import forms as f
from ..models import FindingStatus
from ..selectors import funds as sel
from ..services import checks as svc
from .common import can_handle, can_manage, crumbs, frame, money

FINDINGS = ("资金疑点", "funds:finding_list")
_TAG = {FindingStatus.OPEN: "orange", FindingStatus.CONFIRMED: "red", FindingStatus.EXPLAINED: "green"}


def _status(x) -> Cell:
    return Cell(x.get_status_display(), tag=_TAG[x.status])


def finding_list(request):
    ff, d = search(request, f.FindingFilter)
    page = paginate(
        request,
        sel.finding_list(request.user, status=d.get("status") or "", check_code=d.get("check_code") or ""),
    )
    names = names_of({x.township_code for x in page})
    rows = [
        [
            Cell(CHECK_CODES.get(x.check_code, "其他"), reverse("funds:finding_detail", args=[x.pk])),
            f"{x.month:%Y-%m}",
            x.program_name,
            names.get(x.township_code, x.township_code),
            x.payee_name,
            x.payee_id_masked,
            money(x.amount),
            _status(x),
            money(x.recovered_amount),
        ]
        for x in page
    ]
    toolbar = [("资金比对", reverse("funds:run_checks"))] if can_manage(request.user) else []
    return pages.table_page(
        request,
        frame=frame("资金疑点", crumbs((FINDINGS[0], None))),
        page_obj=page,
        filter_form=ff,
        toolbar=toolbar,
        headers=[
            "疑点类型",
            "月份",
            "救助项目",
            "乡镇（街道）",
            "领款人",
            "证件号码",
            "发放金额",
            "核实结果",
            "追回金额",
        ],
        rows=rows,
        intro="大数据比对发现的疑点由所在县（市、区）核实：确认问题的登记追回金额，核实无问题的说明理由。",
    )


def run_checks(request):
    require(request.user, Capability.MANAGE_FUNDS)
    form = submitted(request, f.CheckRunForm, initial={"division_code": request.user.division_code})
    if request.method == "POST" and form.is_valid():
        run = run_service(form, lambda: svc.run_checks(request.user, **form.cleaned_data))
        if run:
            messages.success(request, f"比对完成：{run.payments} 笔发放，新增疑点 {run.findings} 条")
            return redirect("funds:finding_list")
    return pages.form_page(
        request,
        frame=frame("资金比对", crumbs((FINDINGS[0], reverse(FINDINGS[1])), ("资金比对", None))),
        form=form,
        cancel_url=reverse(FINDINGS[1]),
        submit="开始比对",
        intro="比对已审核花名册的正常发放：死亡后仍发放、同一项目重复发放、互斥项目同时享受、不同家庭共用银行账户、金额与核定不一致、领款人不在辖区、名下车辆或经营企业超标。",
    )


def finding_detail(request, pk: int):
    x = sel.finding_detail(request.user, pk)
    names = names_of({x.township_code, x.division_code})
    actions = []
    if x.status == FindingStatus.OPEN and can_handle(request.user):
        actions.append(
            Action(
                "核实结果",
                f.DecisionForm(),
                reverse("funds:finding_decide", args=[pk]),
                submit="登记",
                testid="decide",
            )
        )
    return pages.detail_page(
        request,
        frame=frame(
            CHECK_CODES.get(x.check_code, "疑点"),
            crumbs((FINDINGS[0], reverse(FINDINGS[1])), ("疑点详情", None)),
        ),
        fields=[
            ("疑点类型", CHECK_CODES.get(x.check_code, "其他")),
            ("比对依据", x.evidence),
            ("发放月份", f"{x.month:%Y-%m}"),
            ("救助项目", x.program_name),
            ("乡镇（街道）", names.get(x.township_code, x.township_code)),
            ("村（社区）", names.get(x.division_code, x.division_code)),
            ("户编号", x.household_number),
            ("领款人", x.payee_name),
            ("证件号码", x.payee_id_masked),
            ("发放金额", money(x.amount)),
            ("核实结果", _status(x)),
            ("追回金额", money(x.recovered_amount)),
            ("核实说明", x.explanation),
        ],
        actions=actions,
        status=_status(x),
        testid="finding-detail",
    )


def finding_decide(request, pk: int):
    x = sel.finding_detail(request.user, pk)
    form = f.DecisionForm(request.POST)
    return act_then_redirect(
        request,
        form,
        lambda d: svc.decide_finding(
            request.user,
            x,
            confirmed=d["outcome"] == "confirmed",
            recovered_amount=d["recovered_amount"],
            explanation=d["explanation"],
        ),
        "已登记核实结果",
        reverse("funds:finding_detail", args=[pk]),
    )


def statistics(request):
    rows = sel.recovery_statistics(request.user)
    table = [
        [
            CHECK_CODES.get(r["check_code"], "其他"),
            r["found"],
            r["open"],
            r["confirmed"],
            r["explained"],
            money(r["flagged"]),
            money(r["recovered"] or 0),
        ]
        for r in rows
    ]
    page = paginate(request, table, per_page=50)
    return pages.table_page(
        request,
        frame=frame("追回统计", crumbs(("追回统计", None))),
        page_obj=page,
        headers=["疑点类型", "疑点数", "待核实", "确认问题", "核实无问题", "涉及金额", "已追回"],
        rows=list(page),
    )
