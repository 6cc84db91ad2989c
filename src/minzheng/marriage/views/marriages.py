"""结婚登记 pages: the list, the registration desk (same-day, J 字号) and one marriage with its divorces."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from minzheng.core.identity import mask_id_number
from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, flash_errors, run_service, submitted

from .. import forms as f
from ..models import MarriageStatus
from ..selectors import marriages as sel
from ..selectors.archives import documents_of
from ..selectors.registries import registries_served_by
from ..services.judgments import record_judgment
from ..services.marriages import PartyInput, register_marriage
from ..services.reissues import reissue_certificate
from .common import (
    Action,
    Cell,
    Section,
    can_register,
    couple_text,
    crumbs,
    detail_page,
    form_page,
    masked_ids,
    paginate,
    search,
    status_cell,
    table_page,
)

LIST = ("结婚登记", "marriage:marriage_list")


def marriage_list(request):
    ff, data = search(request, f.MarriageFilterForm)
    filters = sel.MarriageFilter(
        q=data.get("q") or "", status=data.get("status") or "", year=data.get("year")
    )
    page = paginate(request, sel.marriage_list(request.user, filters))
    rows = [
        [
            Cell(m.certificate_number, reverse("marriage:marriage_detail", args=[m.pk])),
            couple_text(m),
            masked_ids(m),
            m.registered_on,
            m.registry.name,
            status_cell(m),
        ]
        for m in page
    ]
    toolbar = [("办理结婚登记", reverse("marriage:marriage_create"))] if can_register(request.user) else []
    return table_page(
        request,
        title="结婚登记",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=["结婚证字号", "当事人", "证件号码", "登记日期", "登记机关", "婚姻状态"],
        rows=rows,
        filter_form=ff,
        toolbar=toolbar,
    )


def _party(d: dict, prefix: str) -> PartyInput:
    return PartyInput(
        name=d[f"{prefix}_name"],
        id_number=d[f"{prefix}_id_number"],
        prior_status=d[f"{prefix}_prior_status"],
        id_type=d[f"{prefix}_id_type"],
        nationality=d[f"{prefix}_nationality"] or "中国",
        birth_date=d[f"{prefix}_birth_date"],
        sex="1" if prefix == "male" else "2",
    )


def marriage_create(request):
    require(request.user, Capability.REGISTER_MARRIAGE)
    registries = list(registries_served_by(request.user))
    form = submitted(request, f.MarriageForm, registries=registries)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        registry = next(r for r in registries if str(r.pk) == d["registry"])
        record = run_service(
            form,
            lambda: register_marriage(
                request.user,
                registry=registry,
                male=_party(d, "male"),
                female=_party(d, "female"),
                declared_voluntary=d["declared_voluntary"],
                declared_no_spouse=d["declared_no_spouse"],
                declared_no_prohibited_kinship=d["declared_no_prohibited_kinship"],
                disease_disclosure=d["disease_disclosure"],
            ),
        )
        if record:
            messages.success(request, f"结婚登记完成，结婚证字号 {record.certificate_number}")
            return redirect("marriage:marriage_detail", pk=record.pk)
    back = reverse(LIST[1])
    intro = (
        f"登记日期：{timezone.localdate():%Y-%m-%d}（当场登记发证）。婚龄按证件出生日期计算：男满22周岁、女满20周岁"
        "（民法典第一千零四十七条）；双方均不得在本平台婚姻登记库中有存续婚姻。"
    )
    if not registries:
        intro = "您不是任何在用婚姻登记机关的在岗登记员，请联系审批人或系统管理员在“登记机关”中添加。"
    return form_page(
        request,
        title="办理结婚登记",
        trail=crumbs((LIST[0], back), ("办理", None)),
        form=form,
        cancel_url=back,
        submit="审查并登记发证",
        intro=intro,
    )


def marriage_detail(request, pk: int):
    m = sel.read_marriage(request.user, pk)
    parties = Section(
        "当事人",
        ["", "姓名", "证件类型", "证件号码", "出生日期", "国籍", "婚前婚姻状况"],
        [
            [
                "男方" if p.sex == "1" else "女方",
                p.name,
                p.get_id_type_display(),
                mask_id_number(p.id_number),
                p.birth_date,
                p.nationality,
                p.get_prior_status_display(),
            ]
            for p in m.parties.all()
        ],
    )
    divorces = Section(
        "离婚登记申请",
        ["受理日期", "受理机关", "冷静期届满", "申请发证期间", "状态", ""],
        [
            [
                d.received_on,
                d.registry.name,
                d.withdrawal_end,
                f"{d.appearance_start} 至 {d.appearance_end}",
                status_cell(d),
                Cell("查看", reverse("marriage:divorce_detail", args=[d.pk])),
            ]
            for d in sel.divorces_of(m)
        ],
    )
    reissues = Section(
        "补领",
        ["办理日期", "证件", "申请人", "办理结果", "补发字号", ""],
        [
            [
                r.issued_on,
                r.get_kind_display(),
                "男方" if r.applicant_sex == "1" else "女方",
                r.get_outcome_display(),
                r.certificate_number or "—",
                Cell("查看", reverse("marriage:reissue_detail", args=[r.pk])),
            ]
            for r in sel.reissues_of(m)
        ],
    )
    judgments = Section(
        "法院裁判（档案批注）",
        ["裁判类型", "人民法院", "案号", "生效日期"],
        [
            [j.get_kind_display(), j.court, j.case_number, j.effective_on]
            for j in m.judgments.order_by("effective_on")
        ],
    )
    documents = Section(
        "档案材料",
        ["材料类别", "文件", "大小", "上传时间"],
        [
            [d.get_kind_display(), Cell(d.original_name, reverse("marriage:document_download", args=[m.pk, d.pk])),
             f"{d.size / 1024:.0f} KB", d.uploaded_at.strftime("%Y-%m-%d %H:%M")]
            for d in documents_of(m)
        ],
        actions=[("上传档案材料", reverse("marriage:document_upload", args=[m.pk]))] if can_register(request.user) else [],
    )  # fmt: skip
    actions = []
    registries = list(registries_served_by(request.user)) if can_register(request.user) else []
    if registries:
        actions.append(
            Action("补领结婚证/离婚证（已查档：婚姻状况未变化的补发证书，否则出具婚姻登记记录证明）",
                   f.ReissueForm(registries=registries), reverse("marriage:reissue_create", args=[pk]),
                   submit="办理补领", testid="reissue")
        )  # fmt: skip
    if can_register(request.user) and m.status != MarriageStatus.VOID:
        actions.append(
            Action("录入法院生效裁判（宣告无效、撤销婚姻、判决或调解离婚）", f.JudgmentForm(),
                   reverse("marriage:judgment_create", args=[pk]), submit="录入并批注", testid="judgment",
                   confirm="确认录入该生效裁判并批注婚姻登记档案？")
        )  # fmt: skip
    if m.status == MarriageStatus.IN_FORCE and registries:
        actions.insert(
            0,
            Action(
                "受理离婚登记申请（双方共同申请，附离婚协议）",
                f.DivorceReceiveForm(registries=registries),
                reverse("marriage:divorce_receive", args=[pk]),
                submit="受理",
                testid="divorce-receive",
            ),
        )
    return detail_page(
        request,
        title=f"结婚登记 {m.certificate_number}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (m.certificate_number, None)),
        fields=[
            ("结婚证字号", m.certificate_number),
            ("登记日期", m.registered_on),
            ("登记机关", m.registry.name),
            ("登记员", m.registrar.user.full_name or m.registrar.user.username),
            ("声明", "双方完全自愿；已签署无配偶、无禁止结婚的亲属关系声明"),
            ("重大疾病告知", m.disease_disclosure or "无"),
            (
                "档案来源",
                f"历史档案补录（原登记机关：{m.original_registry}）" if m.backfilled else "本平台登记",
            ),
            ("婚姻终止日期", m.ended_on or "—"),
            ("终止说明", m.end_note or "—"),
        ],
        status=status_cell(m),
        sections=[parties, divorces, reissues, judgments, documents],
        actions=actions,
        testid="marriage-detail",
    )


@require_POST
def reissue_create(request, pk: int):
    marriage = sel.marriage_for_action(request.user, pk)
    registries = list(registries_served_by(request.user))
    form = f.ReissueForm(request.POST, registries=registries)
    if form.is_valid():
        d = form.cleaned_data
        registry = next(r for r in registries if str(r.pk) == d["registry"])
        row = run_service(
            form,
            lambda: reissue_certificate(
                request.user, marriage, kind=d["kind"], applicant_sex=d["applicant_sex"], registry=registry
            ),
        )
        if row:
            messages.success(request, f"已补发{row.get_kind_display()}，字号 {row.certificate_number}" if row.certificate_number
                             else "婚姻状况已变化，不予补领，已出具婚姻登记记录证明")  # fmt: skip
            return redirect("marriage:reissue_detail", pk=row.pk)
    flash_errors(request, form)
    return redirect("marriage:marriage_detail", pk=pk)


def reissue_detail(request, pk: int):
    r = sel.read_reissue(request.user, pk)
    m = r.marriage
    fields = [
        ("办理机关", r.registry.name),
        ("办理日期", r.issued_on),
        ("申请人", next((p.name for p in m.parties.all() if p.sex == r.applicant_sex), "")),
        ("办理结果", r.get_outcome_display()),
        ("补发证书字号", r.certificate_number or "—"),
        ("说明", r.reason),
    ]
    record = Section(
        "婚姻登记记录（查档结果）",
        ["事项", "内容"],
        [
            [
                "结婚登记",
                f"{m.registered_on:%Y-%m-%d} 在{m.registry.name}登记，结婚证字号 {m.certificate_number}",
            ],
            ["当事人", "、".join(f"{p.name}（{mask_id_number(p.id_number)}）" for p in m.parties.all())],
            ["婚姻状态", f"{m.get_status_display()}{('，' + m.end_note) if m.end_note else ''}"],
        ]
        + (
            [["离婚登记", f"{r.divorce.closed_on:%Y-%m-%d}，离婚证字号 {r.divorce.certificate_number}"]]
            if r.divorce
            else []
        ),
    )
    title = "婚姻登记记录证明" if r.outcome == "record_proof" else f"补发{r.get_kind_display()}"
    return detail_page(
        request,
        title=f"{title}（#{r.pk}）",
        trail=crumbs(
            (LIST[0], reverse(LIST[1])),
            (m.certificate_number, reverse("marriage:marriage_detail", args=[m.pk])),
            (title, None),
        ),
        fields=fields,
        sections=[record],
        status=Cell(r.get_outcome_display(), tag="green" if r.certificate_number else "orange"),
        testid="reissue-detail",
    )


@require_POST
def judgment_create(request, pk: int):
    marriage = sel.marriage_for_action(request.user, pk)
    return act_then_redirect(
        request, f.JudgmentForm(request.POST),
        lambda d: record_judgment(request.user, marriage, **d),
        lambda j: f"已录入{j.get_kind_display()}（{j.case_number}）并批注档案", reverse("marriage:marriage_detail", args=[pk]),
    )  # fmt: skip
