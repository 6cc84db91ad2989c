"""养老机构 pages: list (search, export), register/edit, detail with residents, staff and supervision."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.views.common import xlsx_response

from .. import forms as f
from ..models import MedicalCare, Nature, ProviderStatus
from ..selectors import providers as sel
from ..selectors import supervision as sup
from ..services import credit as credit_svc
from ..services import providers as svc
from ..services import residents as res_svc
from ..services.exports import export_rows
from .common import (
    Action,
    Cell,
    Section,
    can_inspect,
    can_manage,
    crumbs,
    detail_page,
    export_button,
    form_page,
    masked,
    paginate,
    post_action,
    record_action,
    resolve_person,
    run_service,
    search,
    status_tag,
    table_page,
)

LIST = ("养老机构", "eldercare:institution_list")
DETAIL = "eldercare:institution_detail"


class InstitutionFilterForm(forms.Form):
    q = forms.CharField(
        label="关键字", required=False, widget=forms.TextInput(attrs={"placeholder": "名称/信用代码/备案号"})
    )
    division_code = forms.CharField(label="区划", required=False)
    nature = forms.ChoiceField(label="性质", required=False, choices=[("", "全部"), *Nature.choices])
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "全部"), *ProviderStatus.choices])
    medical_care = forms.ChoiceField(
        label="医养结合", required=False, choices=[("", "全部"), *MedicalCare.choices]
    )


def stars(grade) -> str:
    return "★" * grade if grade else "未评定"


def institution_list(request):
    filter_form, _ = search(request, InstitutionFilterForm)
    filters = sel.InstitutionFilter(**{k: (v or "") for k, v in filter_form.cleaned_data.items()})
    qs = sel.institution_list(request.user, filters)
    headers = [
        "机构名称",
        "区划",
        "性质",
        "床位",
        "护理型",
        "在住",
        "空余",
        "医养结合",
        "消防",
        "等级",
        "状态",
    ]
    if request.GET.get("export") == "xlsx":
        names = names_of(set(qs.values_list("division_code", flat=True)))
        rows = (
            [
                i.name,
                names.get(i.division_code, i.division_code),
                i.get_nature_display(),
                i.beds_total,
                i.nursing_beds,
                i.occupied,
                max(i.beds_total - i.occupied, 0),
                i.get_medical_care_display(),
                i.get_fire_safety_display(),
                stars(i.grade),
                i.get_status_display(),
            ]
            for i in qs
        )
        return xlsx_response(
            export_rows(
                request.user, name="养老机构", headers=headers, rows=rows, object_type="eldercare.institution"
            ),
            "养老机构",
        )
    page = paginate(request, qs)
    names = names_of({i.division_code for i in page})
    rows = [
        [
            Cell(i.name, reverse("eldercare:institution_detail", args=[i.pk])),
            names.get(i.division_code, i.division_code),
            i.get_nature_display(),
            i.beds_total,
            i.nursing_beds,
            i.occupied,
            max(i.beds_total - i.occupied, 0),
            i.get_medical_care_display(),
            status_tag(i.get_fire_safety_display(), "green" if i.fire_safety == "passed" else "orange"),
            stars(i.grade),
            i.get_status_display(),
        ]
        for i in page
    ]
    toolbar = [("新增机构", reverse("eldercare:institution_create"))] if can_manage(request.user) else []
    toolbar.append(export_button(request))
    return table_page(
        request,
        title="养老机构",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=headers,
        rows=rows,
        filter_form=filter_form,
        toolbar=toolbar,
        intro="在住人数由入住、离院、转院记录实时统计，不手工填写。",
    )


def _institution_fields(data: dict) -> svc.InstitutionFields:
    return svc.InstitutionFields(
        **{k: (v if v is not None else "") if k in {"phone", "filing_number"} else v for k, v in data.items()}
    )


def institution_create(request):
    require(request.user, Capability.MANAGE_ELDERCARE)
    form = f.InstitutionForm(
        request.POST or None,
        initial={"status": "operating", "fire_safety": "unknown", "medical_care": "none"},
    )
    if request.method == "POST" and form.is_valid():
        institution = run_service(
            form, lambda: svc.register_institution(request.user, _institution_fields(form.cleaned_data))
        )
        if institution:
            messages.success(request, f"已登记 {institution.name}")
            return redirect("eldercare:institution_detail", pk=institution.pk)
    return form_page(
        request,
        title="新增养老机构",
        trail=crumbs((LIST[0], reverse(LIST[1])), ("新增", None)),
        form=form,
        cancel_url=reverse(LIST[1]),
    )


def institution_edit(request, pk: int):
    require(request.user, Capability.MANAGE_ELDERCARE)
    institution = sel.institution_detail(request.user, pk)
    initial = {name: getattr(institution, name) for name in f.InstitutionForm.base_fields}
    form = f.InstitutionForm(request.POST or None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form,
            lambda: svc.update_institution(request.user, institution, _institution_fields(form.cleaned_data)),
        )
    ):
        messages.success(request, "已保存")
        return redirect("eldercare:institution_detail", pk=pk)
    back = reverse("eldercare:institution_detail", args=[pk])
    return form_page(
        request,
        title=f"修改 {institution.name}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (institution.name, back)),
        form=form,
        cancel_url=back,
    )


def institution_detail(request, pk: int):
    institution = sel.institution_detail(request.user, pk)
    user = request.user
    reverse("eldercare:institution_detail", args=[pk])
    fields = [
        ("备案编号", institution.filing_number or "未备案"),
        ("备案日期", institution.filed_on or ""),
        ("机构性质", institution.get_nature_display()),
        ("运营主体", institution.operator_name),
        ("统一社会信用代码", institution.operator_uscc),
        ("地址", institution.address),
        ("床位总数", institution.beds_total),
        ("护理型床位", institution.nursing_beds),
        ("在住（护理型）", f"{institution.occupied}（{institution.occupied_nursing}）"),
        ("空余床位", max(institution.beds_total - institution.occupied, 0)),
        ("医养结合", institution.get_medical_care_display()),
        ("消防安全", institution.get_fire_safety_display()),
        ("服务质量等级", stars(institution.grade)),
        ("综合功能", "是" if institution.comprehensive_function else "否"),
    ]
    stays = sel.institution_residents(institution)[:200]
    sections = [
        Section(
            "在住老人",
            ["姓名", "证件号码", "入住日期", "床位", "护理等级", "入住类型", "月收费", ""],
            [
                [
                    s.person.name,
                    masked(s.person),
                    s.admitted_on,
                    s.get_bed_kind_display(),
                    s.get_care_grade_display(),
                    s.get_funding_display(),
                    f"¥{s.monthly_fee:,.2f}",
                    Cell("办理离院/转院", reverse("eldercare:residency_detail", args=[s.pk])),
                ]
                for s in stays
            ],
        ),
        Section(
            "从业人员",
            ["姓名", "岗位", "证书", "入职日期"],
            [
                [m.name, m.get_role_display(), m.certificate, m.hired_on]
                for m in institution.staff.filter(left_on__isnull=True)
            ],
        ),
        Section(
            "隐患",
            ["类别", "等级", "发现日期", "整改期限", "状态", ""],
            [
                [
                    h.get_category_display(),
                    h.get_severity_display(),
                    h.found_on,
                    h.deadline,
                    h.get_status_display(),
                    Cell("查看", reverse("eldercare:hazard_detail", args=[h.pk])),
                ]
                for h in sup.hazard_list(user, sup.HazardFilter(institution_id=pk))[:50]
            ],
        ),
        Section(
            "等级评定",
            ["等级", "得分", "评定日期", "有效期至", "评定机构"],
            [
                [stars(r.grade), r.score or "", r.rated_on, r.valid_until, r.rated_by]
                for r in institution.ratings.order_by("-rated_on")
            ],
        ),
        Section(
            "信用记录",
            ["类型", "事由", "认定日期", "失信名单"],
            [
                [
                    r.get_kind_display(),
                    r.reason,
                    r.recorded_on,
                    f"至{r.blacklist_until}" if r.blacklisted and not r.removed_on else "",
                ]
                for r in institution.credit_records.order_by("-recorded_on")
            ],
        ),
        Section(
            "安全事件",
            ["类型", "发生日期", "涉及人数", "状态", ""],
            [
                [
                    i.get_kind_display(),
                    i.occurred_on,
                    i.persons_affected,
                    i.get_status_display(),
                    Cell("查看", reverse("eldercare:incident_detail", args=[i.pk])),
                ]
                for i in institution.incidents.order_by("-occurred_on")
            ],
        ),
    ]
    actions = []
    if can_manage(user):
        actions += [
            Action("办理入住", f.AdmitForm(), reverse("eldercare:residency_admit", args=[pk]), "办理入住"),
            Action("登记从业人员", f.StaffForm(), reverse("eldercare:staff_add", args=[pk]), "登记"),
        ]
    if can_inspect(user) or can_manage(user):
        actions.append(
            Action("报告安全事件", f.IncidentForm(), reverse("eldercare:incident_create", args=[pk]), "报告")
        )
    if can_inspect(user):
        actions += [
            Action(
                "登记等级评定（GB/T 37276）",
                f.RatingForm(),
                reverse("eldercare:rating_create", args=[pk]),
                "登记",
            ),
            Action(
                "登记信用记录",
                f.CreditForm(),
                reverse("eldercare:credit_create", args=[pk]),
                "登记",
                confirm="列入失信名单将在公开页面显示，确定提交？",
            ),
        ]
    toolbar = [("修改机构信息", reverse("eldercare:institution_edit", args=[pk]))] if can_manage(user) else []
    colour = {"operating": "green", "suspended": "orange", "closed": "grey"}[institution.status]
    return detail_page(
        request,
        title=institution.name,
        trail=crumbs((LIST[0], reverse(LIST[1])), (institution.name, None)),
        fields=fields,
        sections=sections,
        actions=actions,
        toolbar=toolbar,
        status=status_tag(institution.get_status_display(), colour),
    )


def residency_admit(request, pk: int):
    institution = sel.institution_detail(request.user, pk)
    form = f.AdmitForm(request.POST, user=request.user)
    back = reverse("eldercare:institution_detail", args=[pk])

    def call(data):
        person = resolve_person(request, form)
        if person is None:
            return None
        return res_svc.admit(
            request.user,
            institution=institution,
            person=person,
            admitted_on=data["admitted_on"],
            bed_kind=data["bed_kind"],
            care_grade=data["care_grade"],
            monthly_fee=data["monthly_fee"],
            funding=data["funding"],
            room=data["room"],
        )

    return post_action(request, form, call, "已办理入住", back)


staff_add = record_action(
    sel.institution_detail,
    f.StaffForm,
    lambda u, i, d: svc.add_staff(u, institution=i, **d),
    "已登记从业人员",
    DETAIL,
)


rating_create = record_action(
    sel.institution_detail,
    f.RatingForm,
    lambda u, i, d: credit_svc.rate_quality(u, i, **d),
    "已登记等级评定",
    DETAIL,
)


credit_create = record_action(
    sel.institution_detail,
    f.CreditForm,
    lambda u, i, d: credit_svc.record_credit(u, i, **{**d, "blacklist_months": d["blacklist_months"] or 0}),
    "已登记信用记录",
    DETAIL,
)


incident_create = record_action(
    sel.institution_detail,
    f.IncidentForm,
    lambda u, i, d: credit_svc.report_incident(u, i, **d),
    "已报告安全事件",
    DETAIL,
)
