"""综合窗口 (全科受理): receive any matter, check materials, 一次性告知 (printable), 受理 and hand-over, 转办."""

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from minzheng.core.identity import mask_id_number
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..documents import notice_pdf
from ..models import AppStatus
from ..rules.materials import asked_materials
from ..selectors import applications as sel
from ..selectors.catalogue import public_matters
from ..services import applications as svc
from ..services import files
from .common import (
    Action,
    Cell,
    Section,
    can_handle,
    crumbs,
    detail_page,
    due_cell,
    form_page,
    paginate,
    search,
    status_cell,
    table_page,
)

WINDOW = ("综合窗口", "onestop:application_list")


def application_list(request):
    ff, d = search(request, f.ApplicationFilter)
    page = paginate(
        request, sel.application_list(request.user, status=d.get("status") or "", q=d.get("q") or "")
    )
    today = date.today()
    rows = [
        [
            Cell(a.number, reverse("onestop:application_detail", args=[a.pk])),
            a.matter.name,
            a.applicant_name[:1] + "**",
            a.get_channel_display(),
            a.submitted_on,
            due_cell(a.due_on, today, a.completed_on),
            status_cell(a),
        ]
        for a in page
    ]
    toolbar = [("窗口收件", reverse("onestop:application_new"))] if can_handle(request.user) else []
    return table_page(
        request, title="综合窗口", trail=crumbs((WINDOW[0], None)), page_obj=page, filter_form=ff, toolbar=toolbar,
        headers=["受理号", "事项", "申请人", "渠道", "提交日期", "承诺办结日期", "状态"], rows=rows,
    )  # fmt: skip


def application_new(request):
    form = submitted(request, f.ReceiveForm, matters=public_matters())
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        application = run_service(
            form,
            lambda: svc.receive_at_window(
                request.user,
                id_number=d["id_number"],
                matter_code=d["matter"],
                reason=d["reason"],
                uploads={},
            ),
        )
        if application is not None:
            return redirect("onestop:application_detail", pk=application.pk)
    return form_page(
        request, title="窗口收件", trail=crumbs(WINDOW, ("窗口收件", None)), form=form,
        cancel_url=reverse("onestop:application_list"), submit="收件",
        intro="全科受理：任一民政事项均可在本窗口收件；本人信息从人口库读取，无需重复填写。",
    )  # fmt: skip


def application_detail(request, pk: int):
    application = svc.refresh_from_domain(sel.application_detail(request.user, pk))
    matter = application.matter
    today = date.today()
    have = svc.provided_codes(application)
    checklist = [
        [
            m["name"],
            "部门共享获取（无需提交）"
            if m.get("shared")
            else ("已提交" if m["code"] in have else Cell("未提交", tag="red")),
        ]
        for m in matter.materials
    ]
    files_rows = [
        [
            Cell(
                x.name, reverse("onestop:material_file", args=[application.pk, x.pk]) if x.stored_as else ""
            ),
            x.file_name,
            "申请人上传" if x.by_resident else "窗口核验",
            x.uploaded_at.date(),
        ]
        for x in application.files.all()
    ]
    steps = [[e.at.date(), e.label, e.note, e.actor] for e in application.events.all()]
    actions = []
    open_for_window = application.status in (
        AppStatus.SUBMITTED,
        AppStatus.MATERIALS_PENDING,
        AppStatus.FORWARDED,
    )
    if can_handle(request.user) and open_for_window:
        url = lambda name: reverse(name, args=[application.pk])  # noqa: E731
        asked = asked_materials(matter.materials)
        actions += [
            Action(
                "核验纸质材料",
                f.CheckForm(materials=asked),
                url("onestop:application_check"),
                "记录已收取材料",
                testid="check-form",
            ),
            Action(
                "一次性告知补正材料",
                f.NoticeForm(materials=asked),
                url("onestop:application_notice"),
                "出具一次性告知",
                testid="notice-form",
            ),
            Action(
                "受理",
                f.EmptyForm(),
                url("onestop:application_accept"),
                "受理并转业务办理",
                testid="accept-form",
            ),
            Action(
                "不予受理",
                f.ReasonForm(),
                url("onestop:application_refuse"),
                "不予受理",
                confirm="确定不予受理？",
            ),
        ]
        if matter.cross_county and application.home_division_code[:6] != application.division_code[:6]:
            actions.append(
                Action("跨县通办转属地", f.EmptyForm(), url("onestop:application_forward"), "转属地办理")
            )
    if (
        can_handle(request.user)
        and application.status == AppStatus.HANDLING
        and not application.domain_reference
    ):
        actions.append(
            Action(
                "办结", f.ResultForm(), reverse("onestop:application_result", args=[application.pk]), "办结"
            )
        )
    toolbar = []
    if application.notice_number:
        toolbar.append(("打印一次性告知书", reverse("onestop:application_notice_pdf", args=[application.pk])))
    return detail_page(
        request, title=f"办件 {application.number}", trail=crumbs(WINDOW, (application.number, None)),
        status=status_cell(application), toolbar=toolbar, testid="application",
        fields=[
            ("受理号", application.number), ("事项", matter.name), ("申请人", application.applicant_name),
            ("公民身份号码", mask_id_number(application.applicant_id_number)), ("渠道", application.get_channel_display()),
            ("申请事由", application.reason), ("提交日期", application.submitted_on),
            ("承诺办结日期", due_cell(application.due_on, today, application.completed_on)),
            ("法定办结日期", application.statutory_due_on or ""), ("业务案件编号", application.domain_number or "—"),
            ("跨县转办", f"{application.forwarded_to_code}，属地办理期限 {application.forward_decide_due}" if application.forwarded_on else "—"),
            ("办理结果", application.outcome or "—"),
        ],
        sections=[
            Section("材料清单", ["材料", "情况"], checklist),
            Section("已收材料", ["材料", "文件", "来源", "日期"], files_rows),
            Section("办理进度", ["日期", "环节", "说明", "办理人"], steps),
        ],
        actions=actions,
    )  # fmt: skip


def _act(request, pk, form_class, call, success, **kw):
    form = form_class(request.POST, **kw)
    return act_then_redirect(request, form, call, success, reverse("onestop:application_detail", args=[pk]))


@require_POST
def application_check(request, pk: int):
    application = sel.application_detail(request.user, pk)
    return _act(
        request, pk, f.CheckForm, lambda d: svc.check_paper(request.user, pk, received=d["received"]), "已记录收取的材料",
        materials=asked_materials(application.matter.materials),
    )  # fmt: skip


@require_POST
def application_notice(request, pk: int):
    application = sel.application_detail(request.user, pk)
    return _act(
        request, pk, f.NoticeForm,
        lambda d: svc.notify_missing(request.user, pk, missing_codes=d["missing"], note=d["note"]),
        "已出具一次性告知书，申请人可在门户查看并补正", materials=asked_materials(application.matter.materials),
    )  # fmt: skip


@require_POST
def application_accept(request, pk: int):
    sel.application_detail(request.user, pk)
    return _act(
        request,
        pk,
        f.EmptyForm,
        lambda d: svc.accept(request.user, pk),
        lambda a: f"已受理：{a.get_status_display()}",
    )


@require_POST
def application_refuse(request, pk: int):
    sel.application_detail(request.user, pk)
    return _act(
        request, pk, f.ReasonForm, lambda d: svc.refuse(request.user, pk, reason=d["reason"]), "已不予受理"
    )


@require_POST
def application_forward(request, pk: int):
    sel.application_detail(request.user, pk)
    form = f.EmptyForm(request.POST)
    return act_then_redirect(
        request,
        form,
        lambda d: svc.forward(request.user, pk),
        "已转属地办理",
        reverse("onestop:application_list"),
    )


@require_POST
def application_result(request, pk: int):
    sel.application_detail(request.user, pk)
    return _act(
        request, pk, f.ResultForm,
        lambda d: svc.record_result(request.user, pk, approved=d["approved"], outcome=d["outcome"]), "已办结",
    )  # fmt: skip


def application_notice_pdf(request, pk: int):
    application = sel.application_detail(request.user, pk)
    if not application.notice_number:
        raise Http404("没有一次性告知书")
    response = HttpResponse(notice_pdf(application), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="notice.pdf"'
    return response


def material_file(request, pk: int, file_pk: int):
    application = sel.application_detail(request.user, pk)
    return material_response(application, file_pk)


def material_response(application, file_pk: int) -> HttpResponse:
    material = application.files.filter(pk=file_pk).exclude(stored_as="").first()
    if material is None:
        raise Http404("材料不存在")
    kind = material.stored_as.rsplit(".", 1)[-1]
    content_type = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}[kind]
    response = HttpResponse(files.read(material.stored_as), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="material.{kind}"'
    response["Cache-Control"] = "private, no-store"
    return response
