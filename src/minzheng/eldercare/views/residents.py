"""入住管理, 社区设施 and 家庭养老床位 pages."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.views.common import xlsx_response

from .. import forms as f
from ..models import FacilityKind, FundingKind
from ..selectors import providers as prov
from ..selectors import residents as sel
from ..services import providers as prov_svc
from ..services import residents as svc
from ..services.exports import export_rows
from .common import (
    Action,
    Cell,
    Section,
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
    table_page,
)


class ResidencyFilterForm(forms.Form):
    q = forms.CharField(label="姓名", required=False)
    division_code = forms.CharField(label="区划", required=False)
    funding = forms.ChoiceField(
        label="入住类型", required=False, choices=[("", "全部"), *FundingKind.choices]
    )
    history = forms.BooleanField(label="含已离院", required=False)


def residency_list(request):
    ff, d = search(request, ResidencyFilterForm)
    filters = sel.ResidencyFilter(
        q=d.get("q", ""),
        division_code=d.get("division_code", ""),
        funding=d.get("funding", ""),
        current_only=not d.get("history"),
    )
    qs = sel.residency_list(request.user, filters)
    headers = [
        "姓名",
        "证件号码",
        "机构",
        "入住日期",
        "床位",
        "护理等级",
        "入住类型",
        "月收费（元）",
        "离院日期",
        "离院原因",
    ]

    def values(s):
        return [
            s.person.name,
            masked(s.person),
            s.institution.name,
            s.admitted_on,
            s.get_bed_kind_display(),
            s.get_care_grade_display(),
            s.get_funding_display(),
            s.monthly_fee,
            s.discharged_on or "",
            s.get_discharge_reason_display(),
        ]

    if request.GET.get("export") == "xlsx":
        rows = ([*values(s)[:7], float(s.monthly_fee), *values(s)[8:]] for s in qs)
        content = export_rows(
            request.user, name="入住记录", headers=headers, rows=rows, object_type="eldercare.residency"
        )
        return xlsx_response(content, "入住记录")
    page = paginate(request, qs)
    rows = [
        [
            Cell(s.person.name, reverse("eldercare:residency_detail", args=[s.pk])),
            *values(s)[1:7],
            f"¥{s.monthly_fee:,.2f}",
            *values(s)[8:],
        ]
        for s in page
    ]
    return table_page(
        request,
        title="入住管理",
        trail=crumbs(("入住管理", None)),
        page_obj=page,
        headers=headers,
        rows=rows,
        filter_form=ff,
        toolbar=[export_button(request)],
        intro="入住在机构详情页办理；离院、转院在入住记录详情页办理。",
    )


def residency_detail(request, pk: int):
    stay = sel.residency_detail(request.user, pk)
    fields = [
        ("姓名", stay.person.name),
        ("证件号码", masked(stay.person)),
        (
            "机构",
            Cell(stay.institution.name, reverse("eldercare:institution_detail", args=[stay.institution_id])),
        ),
        ("入住日期", stay.admitted_on),
        ("床位类型", stay.get_bed_kind_display()),
        ("房间/床号", stay.room),
        ("护理等级", stay.get_care_grade_display()),
        ("入住类型", stay.get_funding_display()),
        ("月收费", f"¥{stay.monthly_fee:,.2f}"),
        ("离院", f"{stay.discharged_on or ''} {stay.get_discharge_reason_display()}"),
        ("转自", stay.transferred_from.institution.name if stay.transferred_from else ""),
    ]
    actions = []
    if can_manage(request.user) and stay.discharged_on is None:
        actions = [
            Action(
                "办理离院",
                f.DischargeForm(),
                reverse("eldercare:residency_discharge", args=[pk]),
                "离院",
                "确定办理离院？",
            ),
            Action(
                "办理转院",
                f.TransferForm(
                    institutions=prov.institution_choices(request.user).exclude(pk=stay.institution_id)
                ),
                reverse("eldercare:residency_transfer", args=[pk]),
                "转院",
                "确定办理转院？",
            ),
        ]
    return detail_page(
        request,
        title=f"入住记录：{stay.person.name}",
        trail=crumbs(("入住管理", reverse("eldercare:residency_list")), (stay.person.name, None)),
        fields=fields,
        actions=actions,
    )


residency_discharge = record_action(
    sel.residency_detail,
    f.DischargeForm,
    lambda u, stay, d: svc.discharge(u, stay, discharged_on=d["discharged_on"], reason=d["reason"]),
    "已办理离院",
    "eldercare:residency_detail",
)


def residency_transfer(request, pk: int):
    stay = sel.residency_detail(request.user, pk)
    form = f.TransferForm(request.POST, institutions=prov.institution_choices(request.user))

    def call(d):
        target = prov.institution_detail(request.user, d["to_institution"])
        return svc.transfer(
            request.user,
            stay,
            to_institution=target,
            on=d["on"],
            bed_kind=d["bed_kind"],
            care_grade=d["care_grade"],
            monthly_fee=d["monthly_fee"],
        )

    return post_action(request, form, call, "已办理转院", reverse("eldercare:residency_detail", args=[pk]))


class FacilityFilterForm(forms.Form):
    q = forms.CharField(label="名称", required=False)
    division_code = forms.CharField(label="区划", required=False)
    kind = forms.ChoiceField(label="类型", required=False, choices=[("", "全部"), *FacilityKind.choices])


def facility_list(request):
    ff, _ = search(request, FacilityFilterForm)
    page = paginate(
        request,
        prov.facility_list(
            request.user, prov.FacilityFilter(**{k: v or "" for k, v in ff.cleaned_data.items()})
        ),
    )
    names = names_of({x.division_code for x in page})
    rows = [
        [
            Cell(x.name, reverse("eldercare:facility_detail", args=[x.pk])),
            x.get_kind_display(),
            names.get(x.division_code, x.division_code),
            "、".join(x.service_labels()),
            x.beds,
            x.get_status_display(),
        ]
        for x in page
    ]
    toolbar = [("新增设施", reverse("eldercare:facility_create"))] if can_manage(request.user) else []
    return table_page(
        request,
        title="社区养老服务设施",
        trail=crumbs(("社区设施", None)),
        page_obj=page,
        headers=["名称", "类型", "区划", "服务项目", "托养床位", "状态"],
        rows=rows,
        filter_form=ff,
        toolbar=toolbar,
    )


def facility_create(request):
    require(request.user, Capability.MANAGE_ELDERCARE)
    form = f.FacilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        facility = run_service(
            form, lambda: prov_svc.register_facility(request.user, **{**d, "beds": d["beds"] or 0})
        )
        if facility:
            messages.success(request, f"已登记 {facility.name}")
            return redirect("eldercare:facility_detail", pk=facility.pk)
    back = reverse("eldercare:facility_list")
    return form_page(
        request,
        title="新增社区养老服务设施",
        trail=crumbs(("社区设施", back), ("新增", None)),
        form=form,
        cancel_url=back,
    )


def facility_detail(request, pk: int):
    x = prov.facility_detail(request.user, pk)
    fields = [
        ("类型", x.get_kind_display()),
        ("地址", x.address),
        ("运营主体", x.operator_name),
        ("统一社会信用代码", x.operator_uscc),
        ("服务项目", "、".join(x.service_labels())),
        ("托养床位", x.beds),
        ("建筑面积", f"{x.area_sqm} 平方米" if x.area_sqm else ""),
        ("启用日期", x.opened_on or ""),
        ("状态", x.get_status_display()),
    ]
    staff = Section(
        "从业人员",
        ["姓名", "岗位", "证书", "入职日期"],
        [[m.name, m.get_role_display(), m.certificate, m.hired_on] for m in x.staff.all()],
    )
    actions = (
        [Action("登记从业人员", f.StaffForm(), reverse("eldercare:facility_staff_add", args=[pk]), "登记")]
        if can_manage(request.user)
        else []
    )
    return detail_page(
        request,
        title=x.name,
        trail=crumbs(("社区设施", reverse("eldercare:facility_list")), (x.name, None)),
        fields=fields,
        sections=[staff],
        actions=actions,
    )


facility_staff_add = record_action(
    prov.facility_detail,
    f.StaffForm,
    lambda u, facility, d: prov_svc.add_staff(u, facility=facility, **d),
    "已登记从业人员",
    "eldercare:facility_detail",
)


def home_bed_list(request):
    page = paginate(request, prov.home_bed_list(request.user, open_only=not request.GET.get("history")))
    names = names_of({b.division_code for b in page})
    rows = [
        [
            b.person.name,
            masked(b.person),
            names.get(b.division_code, b.division_code),
            b.institution.name,
            "、".join(dict(f.FacilityService.choices).get(s, s) for s in b.services),
            b.started_on,
            b.ended_on or "",
            Cell("撤床", reverse("eldercare:home_bed_close", args=[b.pk]))
            if b.ended_on is None and can_manage(request.user)
            else "",
        ]
        for b in page
    ]
    toolbar = [("新建家庭养老床位", reverse("eldercare:home_bed_create"))] if can_manage(request.user) else []
    return table_page(
        request,
        title="家庭养老床位",
        trail=crumbs(("家庭养老床位", None)),
        page_obj=page,
        headers=["姓名", "证件号码", "区划", "服务机构", "服务项目", "建床日期", "撤床日期", ""],
        rows=rows,
        toolbar=toolbar,
    )


def home_bed_create(request):
    require(request.user, Capability.MANAGE_ELDERCARE)
    institutions = prov.institution_choices(request.user)
    form = f.HomeBedForm(request.POST or None, institutions=institutions, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        person = resolve_person(request, form)
        if person is not None:
            institution = prov.institution_detail(request.user, d["institution"])
            bed = run_service(
                form,
                lambda: prov_svc.open_home_bed(
                    request.user,
                    institution=institution,
                    person=person,
                    address=d["address"],
                    services=d["services"],
                    started_on=d["started_on"],
                ),
            )
            if bed:
                messages.success(request, "已建立家庭养老床位")
                return redirect("eldercare:home_bed_list")
    back = reverse("eldercare:home_bed_list")
    return form_page(
        request,
        title="新建家庭养老床位",
        trail=crumbs(("家庭养老床位", back), ("新建", None)),
        form=form,
        cancel_url=back,
    )


def home_bed_close(request, pk: int):
    bed = prov.home_bed_detail(request.user, pk)
    form = f.EndForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and run_service(
            form, lambda: prov_svc.close_home_bed(request.user, bed, ended_on=form.cleaned_data["ended_on"])
        )
    ):
        messages.success(request, "已撤床")
        return redirect("eldercare:home_bed_list")
    back = reverse("eldercare:home_bed_list")
    return form_page(
        request,
        title=f"撤销家庭养老床位：{bed.person.name}",
        trail=crumbs(("家庭养老床位", back), ("撤床", None)),
        form=form,
        cancel_url=back,
        submit="撤床",
    )
