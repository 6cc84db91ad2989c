"""婚姻登记档案 pages: documents of a marriage (upload, jurisdiction-checked download), 查档 with its log, 补录."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import run_service, submitted

from .. import forms as f
from ..models import MarriageStatus
from ..selectors import archives as sel
from ..selectors.marriages import marriage_for_action
from ..selectors.registries import registries_served_by
from ..services import archives as svc
from ..services.marriages import PartyInput
from .common import Cell, base_context, couple_text, crumbs, form_page, paginate, status_cell, table_page

LIST = ("婚姻档案", "marriage:archive_search")


def document_upload(request, pk: int):
    marriage = marriage_for_action(request.user, pk)
    require(request.user, Capability.REGISTER_MARRIAGE)
    form = f.DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        row = run_service(
            form, lambda: svc.add_document(request.user, marriage, upload=d["file"], kind=d["kind"])
        )
        if row:
            messages.success(request, f"已归档：{row.original_name}")
            return redirect("marriage:marriage_detail", pk=pk)
    back = reverse("marriage:marriage_detail", args=[pk])
    return render(
        request,
        "marriage/upload.html",
        base_context(
            "上传档案材料",
            crumbs(
                ("结婚登记", reverse("marriage:marriage_list")),
                (marriage.certificate_number, back),
                ("上传", None),
            ),
            form=form,
            cancel_url=back,
        ),
    )


def document_download(request, pk: int, document_pk: int):
    document = svc.open_document(request.user, pk, document_pk)
    return FileResponse(
        document.file.open("rb"), content_type=document.content_type, filename=document.original_name
    )


def archive_search(request):
    """查档: by a party's ID number with the reason; each lookup is written to the query log."""
    require(request.user, Capability.REGISTER_MARRIAGE)
    form = submitted(request, f.ArchiveSearchForm)
    rows = None
    if request.method == "POST" and form.is_valid():
        found = run_service(form, lambda: svc.search_archive(request.user, **form.cleaned_data))
        if found is not None:
            rows = [
                [Cell(m.certificate_number, reverse("marriage:marriage_detail", args=[m.pk])), couple_text(m),
                 m.registered_on, m.original_registry or m.registry.name, status_cell(m)]
                for m in found
            ]  # fmt: skip
    return render(
        request,
        "marriage/archive_search.html",
        base_context(
            "婚姻档案查询",
            crumbs((LIST[0], None)),
            form=form,
            rows=rows,
            headers=["结婚证字号", "当事人", "登记日期", "登记机关", "婚姻状态"],
        ),
    )


def query_log(request):
    page = paginate(request, sel.query_log(request.user))
    rows = [
        [q.queried_at.strftime("%Y-%m-%d %H:%M"), q.user.full_name or q.user.username, q.id_number_masked,
         q.purpose, q.results]
        for q in page
    ]  # fmt: skip
    return table_page(
        request,
        title="查档记录",
        trail=crumbs((LIST[0], reverse(LIST[1])), ("查档记录", None)),
        page_obj=page,
        headers=["查询时间", "查询人", "被查询人证件号码", "查询事由", "查得记录"],
        rows=rows,
    )


def backfill(request):
    """补录 a historical paper record (MZ/T 113-2018)."""
    require(request.user, Capability.REGISTER_MARRIAGE)
    registries = list(registries_served_by(request.user))
    form = submitted(request, f.BackfillForm, registries=registries)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        registry = next(r for r in registries if str(r.pk) == d["registry"])
        record = run_service(
            form,
            lambda: svc.backfill_marriage(
                request.user, registry=registry, original_registry=d["original_registry"],
                registered_on=d["registered_on"], certificate_number=d["certificate_number"],
                male=PartyInput(d["male_name"], d["male_id_number"], d["male_prior_status"]),
                female=PartyInput(d["female_name"], d["female_id_number"], d["female_prior_status"]),
                ended_on=d["ended_on"], end_status=d["end_status"] or MarriageStatus.DIVORCED,
            ),
        )  # fmt: skip
        if record:
            messages.success(request, f"已补录历史婚姻登记 {record.certificate_number}")
            return redirect("marriage:marriage_detail", pk=record.pk)
    back = reverse(LIST[1])
    return form_page(
        request,
        title="补录历史婚姻登记",
        trail=crumbs((LIST[0], back), ("补录", None)),
        form=form,
        cancel_url=back,
        intro="按纸质档案录入原登记机关、日期和证书字号（MZ/T 113-2018 婚姻登记档案数字化）；婚姻尚存续的，双方不得在平台上另有存续婚姻。",
    )


def status_query_log(request):
    """授权机关婚姻状况查询记录 (the API's calls, each with its legal basis)."""
    page = paginate(request, sel.status_query_log(request.user))
    labels = {"10": "未婚（无登记记录）", "20": "已婚", "30": "丧偶", "40": "离婚"}
    rows = [
        [q.queried_at.strftime("%Y-%m-%d %H:%M"), q.agency, q.user.full_name or q.user.username, q.legal_basis,
         q.case_reference, q.id_number_masked, q.as_of, labels.get(q.answer, q.answer)]
        for q in page
    ]  # fmt: skip
    return table_page(
        request,
        title="婚姻状况查询记录",
        trail=crumbs((LIST[0], reverse(LIST[1])), ("婚姻状况查询记录", None)),
        page_obj=page,
        headers=["查询时间", "查询机关", "查询人", "法律依据", "业务编号", "被查询人", "日期点", "答复"],
        rows=rows,
        intro="授权机关（公安、法院、民政）通过接口 POST /api/marriage/status-queries 查询当事人某日的婚姻状况，取代开具婚姻状况证明（民函〔2015〕266号）；每次查询连同查询机关和法律依据留痕。",
    )
