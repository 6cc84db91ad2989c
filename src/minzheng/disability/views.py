"""两项补贴 pages: applications with their clocks and the step each role may take, the 残联's certificate data
and its import, the change tasks, and the coverage drill-down. Thin: forms in, services/selectors out."""

from collections.abc import Callable
from datetime import date

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.errors import MinzhengError
from minzheng.core.identity import mask_id_number
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.uploads import read_upload
from minzheng.web.kit import pages
from minzheng.web.kit.forms import flash_errors, run_service
from minzheng.web.kit.pages import Action, Cell, paginate, search

from . import forms as f
from . import selectors as sel
from .figures import LABEL
from .models import Status
from .services import applications as svc
from .services import changes
from .services.certificates import COLUMNS, import_certificates

NAV = "disability"
SUBNAV = [
    ("申请办理", "disability:dashboard"),
    ("受理申请", "disability:application_new"),
    ("变更任务", "disability:task_list"),
    ("残疾人证数据", "disability:certificate_list"),
    ("应补未补", "disability:missing"),
]


def _frame(title: str, *tail) -> dict:
    trail = [("业务平台", None), ("残疾人两项补贴", reverse("disability:dashboard")), *tail]
    return pages.frame(NAV, title, trail, subnav=SUBNAV)


def _due(a) -> object:
    return {Status.RECEIVED: a.check_due, Status.CDPF: a.cdpf_due, Status.DECISION: a.decision_due}.get(
        a.status, ""
    )


def dashboard(request):
    ff, d = search(request, f.ApplicationFilterForm)
    qs = sel.application_list(
        request.user,
        status=d.get("status", ""),
        kind=d.get("kind", ""),
        division_code=d.get("division_code", ""),
    )
    page = paginate(request, qs)
    names = names_of({a.division_code for a in page})
    rows = [
        [
            Cell(a.person.name, reverse("disability:application_detail", args=[a.pk])),
            names.get(a.division_code, a.division_code),
            a.get_kind_display(),
            a.get_channel_display(),
            a.applied_on,
            Cell(a.get_status_display(), tag=_colour(a.status)),
            _due(a),
        ]
        for a in page
    ]
    return pages.table_page(
        request, frame=_frame("残疾人两项补贴"), page_obj=page, filter_form=ff, rows=rows,
        headers=["申请人", "户籍地", "补贴类别", "受理渠道", "申请日期", "状态", "本环节期限"],
        toolbar=[("受理申请", reverse("disability:application_new"))],
        intro="户籍地乡镇受理 → 乡镇10个工作日内初审并公示不少于7天 → 县残联10个工作日内审核残疾人证和等级 → "
        "县民政审定（查低保）→ 自申请当月起按月发放（国发〔2015〕52号，期限为政策参数，可按区划设置）。",
    )  # fmt: skip


def _colour(status: str) -> str:
    return {
        "paying": "green",
        "refused": "red",
        "not_passed": "red",
        "cdpf_refused": "red",
        "ended": "grey",
    }.get(status, "orange")


def application_new(request):
    form = f.ReceiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        person = sel.person_by_id_number(request.user, d["id_number"])
        if person is None:
            form.add_error("id_number", "人口库中没有该公民身份号码，或该人员不在您的管辖范围内")
        else:
            a = run_service(form, lambda: svc.receive(
                request.user, person, kind=d["kind"], applied_on=d["applied_on"], channel=d["channel"],
                receiving_window=d["receiving_window"], pushed_on=d["pushed_on"],
            ))  # fmt: skip
            if a is not None:
                messages.success(request, f"已受理，乡镇初审期限 {a.check_due}")
                return redirect("disability:application_detail", pk=a.pk)
    return pages.form_page(
        request, frame=_frame("受理两项补贴申请", ("受理申请", None)), form=form,
        cancel_url=reverse("disability:dashboard"), submit="受理",
        intro="跨省通办：异地窗口收件后3个工作日内推送户籍地，户籍地10个工作日内办理，收件地3个工作日内告知结果。",
    )  # fmt: skip


def application_detail(request, pk: int):
    user = request.user
    a = sel.read_application(user, pk)
    cert = sel.certificate_of(user, a.person_id)
    fields = [
        ("申请人", a.person.name),
        ("公民身份号码", mask_id_number(a.person.id_number)),
        ("补贴类别", a.get_kind_display()),
        ("受理渠道", a.get_channel_display() + (f"（{a.receiving_window}）" if a.receiving_window else "")),
        ("申请日期", a.applied_on),
        (
            "残疾人证（残联数据）",
            f"{cert.category}残疾{cert.get_grade_display()}，有效期至 {cert.valid_until or '长期'}"
            if cert
            else "未查到",
        ),
        ("户籍地乡镇受理 / 初审期限", f"{a.received_on} / {a.check_due}"),
        ("初审", f"{a.checked_on} {a.check_note}" if a.checked_on else ""),
        ("公示期", f"{a.publicity_from} 至 {a.publicity_until}" if a.publicity_from else ""),
        ("县残联审核期限 / 审核", f"{a.cdpf_due or ''} / {a.cdpf_on or ''} {a.cdpf_note}"),
        ("县民政审定期限 / 审定", f"{a.decision_due or ''} / {a.decided_on or ''} {a.decision_note}"),
        ("审定时低保家庭", {True: "是", False: "否", None: ""}[a.in_dibao]),
        ("月补贴金额（元）", a.monthly_amount if a.monthly_amount is not None else ""),
        ("补贴标准", a.standard_note),
        ("起始发放月份", f"{a.start_month:%Y-%m}" if a.start_month else ""),
        ("停发", f"{a.end_month:%Y-%m}（最后发放月） {a.end_reason}" if a.end_month else ""),
    ]
    if a.channel == "transfer":
        fields.insert(5, ("跨省通办时限", f"推送期限 {a.push_due}（{a.pushed_on} 推送）；户籍地办理期限 "
                          f"{a.transfer_decision_due}；告知期限 {a.notice_due or '审定后计算'}"
                          f"{f'（{a.noticed_on} 已告知）' if a.noticed_on else ''}"))  # fmt: skip
    actions = []
    step = {
        Status.RECEIVED: (Capability.CHECK_DISABILITY_SUBSIDY, "乡镇初审", f.CheckForm, "application_check"),
        Status.CDPF: (Capability.CDPF_REVIEW_DISABILITY, "县残联审核", f.CdpfForm, "application_cdpf"),
        Status.DECISION: (
            Capability.DECIDE_DISABILITY_SUBSIDY,
            "县民政审定",
            f.DecideForm,
            "application_decide",
        ),
        Status.PAYING: (Capability.DECIDE_DISABILITY_SUBSIDY, "停发", f.StopForm, "application_stop"),
    }.get(a.status)
    if step and has_capability(user, step[0]):
        actions.append(Action(step[1], step[2](), reverse(f"disability:{step[3]}", args=[pk]), "提交"))
    if (
        a.channel == "transfer"
        and a.decided_on
        and not a.noticed_on
        and has_capability(user, Capability.HANDLE_DISABILITY_SUBSIDY)
    ):
        actions.append(
            Action("登记告知结果", f.NoticeForm(), reverse("disability:application_notice", args=[pk]))
        )
    return pages.detail_page(
        request, frame=_frame(f"{a.get_kind_display()}：{a.person.name}", ("申请办理", reverse("disability:dashboard")),
                              (a.person.name, None)),
        fields=fields, actions=actions, status=Cell(a.get_status_display(), tag=_colour(a.status)),
        testid="disability-application",
    )  # fmt: skip


def _post(load: Callable, form_class, call: Callable, success: Callable, back: Callable):
    def view(request, pk: int):
        record = load(request.user, pk)
        form = form_class(request.POST)
        result = (
            run_service(form, lambda: call(request.user, record, form.cleaned_data))
            if form.is_valid()
            else None
        )
        if result is not None:
            messages.success(request, success(result))
        else:
            flash_errors(request, form)
        return HttpResponseRedirect(back(record))

    return view


def _back(a) -> str:
    return reverse("disability:application_detail", args=[a.pk])


application_check = _post(
    sel.application_for_action, f.CheckForm,
    lambda u, a, d: svc.township_check(u, a, passed=d["passed"] == "yes", checked_on=d["checked_on"], note=d["note"]),
    lambda a: f"初审完成：{a.get_status_display()}" + (f"，公示至 {a.publicity_until}" if a.publicity_until else ""),
    _back,
)  # fmt: skip
application_cdpf = _post(
    sel.application_for_action, f.CdpfForm,
    lambda u, a, d: svc.cdpf_review(u, a, passed=d["passed"] == "yes", reviewed_on=d["reviewed_on"], note=d["note"]),
    lambda a: f"审核完成：{a.get_status_display()}",
    _back,
)  # fmt: skip
application_decide = _post(
    sel.application_for_action, f.DecideForm,
    lambda u, a, d: svc.decide(u, a, approved=d["approved"] == "yes", decided_on=d["decided_on"], note=d["note"]),
    lambda a: a.get_status_display() + (f"，自{a.start_month:%Y年%m月}起每月{a.monthly_amount}元" if a.start_month else ""),
    _back,
)  # fmt: skip
application_notice = _post(
    sel.application_for_action, f.NoticeForm,
    lambda u, a, d: svc.record_notice(u, a, noticed_on=d["noticed_on"]),
    lambda a: "已登记告知", _back,
)  # fmt: skip
application_stop = _post(
    sel.application_for_action, f.StopForm,
    lambda u, a, d: svc.stop(u, a, last_month=d["last_month"], reason=d["reason"]),
    lambda a: f"已停发，最后发放月份 {a.end_month:%Y-%m}", _back,
)  # fmt: skip


def task_list(request):
    ff, d = search(request, f.TaskFilterForm)
    page = paginate(
        request, sel.task_list(request.user, kind=d.get("kind", ""), division_code=d.get("division_code", ""))
    )
    rows = [
        [Cell(t.person.name, reverse("disability:task_detail", args=[t.pk])), t.get_kind_display(), t.detail,
         t.raised_on, t.due_on]
        for t in page
    ]  # fmt: skip
    return pages.table_page(
        request, frame=_frame("变更任务", ("变更任务", None)), page_obj=page, filter_form=ff, rows=rows,
        headers=["人员", "任务类型", "情况", "发现日期", "办理期限"],
        intro="死亡、户籍迁移、退出低保、残疾等级变更、证件过期及年度“应补尽补、应退尽退”核查产生的任务；停发由县民政在申请页办理。",
    )  # fmt: skip


def task_detail(request, pk: int):
    t = sel.task_for_action(request.user, pk)
    fields = [
        ("人员", t.person.name), ("公民身份号码", mask_id_number(t.person.id_number)),
        ("任务类型", t.get_kind_display()), ("情况", t.detail), ("发现日期", t.raised_on), ("办理期限", t.due_on),
        ("办结", f"{t.done_on} {t.outcome}" if t.done_on else ""),
    ]  # fmt: skip
    if t.application_id:
        fields.append(
            ("申请", Cell("查看申请", reverse("disability:application_detail", args=[t.application_id])))
        )
    actions = []
    if t.done_on is None and has_capability(request.user, Capability.HANDLE_DISABILITY_SUBSIDY):
        actions.append(Action("办结任务", f.TaskDoneForm(), reverse("disability:task_done", args=[pk])))
    return pages.detail_page(
        request, frame=_frame(t.get_kind_display(), ("变更任务", reverse("disability:task_list")), (t.person.name, None)),
        fields=fields, actions=actions,
    )  # fmt: skip


task_done = _post(
    sel.task_for_action, f.TaskDoneForm,
    lambda u, t, d: changes.complete_task(u, t, outcome=d["outcome"], done_on=d["done_on"]),
    lambda t: "任务已办结", lambda t: reverse("disability:task_detail", args=[t.pk]),
)  # fmt: skip


def certificate_list(request):
    page = paginate(request, sel.certificate_list(request.user))
    rows = [
        [c.person.name, mask_id_number(c.person.id_number), c.get_category_display(), c.get_grade_display(),
         c.valid_from, c.valid_until or "长期"]
        for c in page
    ]  # fmt: skip
    toolbar = []
    if has_capability(request.user, Capability.CDPF_REVIEW_DISABILITY):
        toolbar.append(("导入残疾人证数据", reverse("disability:certificate_import")))
    return pages.table_page(
        request, frame=_frame("残疾人证数据", ("残疾人证数据", None)), page_obj=page, rows=rows, toolbar=toolbar,
        headers=["姓名", "公民身份号码", "残疾类别", "残疾等级", "发证日期", "有效期至"],
        intro="县残联共享的第二代残疾人证数据（部门数据导入）。",
    )  # fmt: skip


def certificate_import(request):
    form = f.CertificateImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        require(request.user, Capability.CDPF_REVIEW_DISABILITY)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                batch = import_certificates(
                    request.user, data=read_upload(upload), file_name=upload.name,
                    source_department=form.cleaned_data["source_department"],
                )  # fmt: skip
            except MinzhengError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                if batch.status == batch.REJECTED:
                    messages.error(request, f"文件有{len(batch.errors)}处错误，整份文件未导入")
                else:
                    messages.success(
                        request,
                        f"已导入 {batch.rows_total} 条：新增 {batch.rows_added} 条，变更 {batch.rows_changed} 条，"
                        f"未变 {batch.rows_unchanged} 条",
                    )
                return redirect("disability:certificate_import")
    batches = paginate(request, sel.import_list(request.user))
    return render(
        request, "disability/certificate_import.html",
        {**_frame("导入残疾人证数据", ("残疾人证数据", reverse("disability:certificate_list")), ("导入", None)),
         "form": form, "batches": batches, "columns": COLUMNS,
         "can_import": has_capability(request.user, Capability.CDPF_REVIEW_DISABILITY)},
    )  # fmt: skip


def missing(request):
    ff, d = search(request, f.MissingFilterForm)
    on = d.get("on") or date.today()
    found = sel.missing_persons(request.user, d.get("division_code") or "", on)
    page = paginate(request, found)
    names = names_of({m.division_code for m in page})
    rows = [
        [m.name, mask_id_number(m.id_number), names.get(m.division_code, m.division_code), m.certificate,
         "、".join(LABEL[k] for k in m.kinds)]
        for m in page
    ]  # fmt: skip
    return pages.table_page(
        request, frame=_frame("应补未补人员", ("应补未补", None)), page_obj=page, filter_form=ff, rows=rows,
        headers=["姓名", "公民身份号码", "户籍地", "残疾人证", "符合条件而未享受的补贴"],
        intro=f"{on} 持有效残疾人证、符合条件但未享受也未申请的人员（两项补贴覆盖率的缺口）。",
        empty="没有应补未补的人员",
    )  # fmt: skip
