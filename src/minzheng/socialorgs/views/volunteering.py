"""志愿服务 pages: volunteers (with their records, corrections and certificates), activities (with the records
entered after them), stations; public self-registration and the certificate check (no login)."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.identity import mask_id_number
from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted
from minzheng.web.kit.public import post_allowed

from .. import forms as f
from ..errors import SocialOrgConflict
from ..models import CorrectionStatus
from ..selectors import volunteering as sel
from ..services import volunteering as svc
from .common import (
    Action,
    Cell,
    Section,
    can_manage,
    crumbs,
    detail_page,
    due_cell,
    form_page,
    paginate,
    search,
    table_page,
)

VOLUNTEERS = ("志愿服务", "socialorgs:volunteer_list")
ACTIVITIES = ("志愿服务活动", "socialorgs:activity_list")
STATIONS = ("志愿服务站点", "socialorgs:station_list")


def _toolbar(request, *extra):
    bar = [(ACTIVITIES[0], reverse(ACTIVITIES[1])), (STATIONS[0], reverse(STATIONS[1]))]
    return [*extra, *bar]


def volunteer_list(request):
    ff, d = search(request, f.VolunteerFilter)
    page = paginate(request, sel.volunteer_list(request.user, q=d.get("q") or ""))
    rows = [
        [
            Cell(v.name, reverse("socialorgs:volunteer_detail", args=[v.pk])),
            v.get_gender_display(),
            mask_id_number(v.id_number),
            v.get_registered_via_display(),
            v.registered_on,
        ]
        for v in page
    ]
    extra = [("登记志愿者", reverse("socialorgs:volunteer_create"))] if can_manage(request.user) else []
    return table_page(
        request,
        title="志愿者",
        trail=crumbs((VOLUNTEERS[0], None)),
        page_obj=page,
        filter_form=ff,
        toolbar=_toolbar(request, *extra),
        headers=["姓名", "性别", "身份证件号码", "注册方式", "注册日期"],
        rows=rows,
        intro="《志愿服务条例》第七条：志愿者可以本人注册（公开页面“志愿者注册”），也可以通过志愿服务组织登记。服务记录于活动结束后10个工作日内录入；志愿者可申请更正；记录证明无偿出具，凭证明编号在公开页面核验。",
    )


def _counties(user) -> list[tuple[str, str]]:
    return [(c, n) for c, n in sel.county_choices() if covers(user.division_code or "", c)]


def volunteer_create(request):
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.VolunteerForm, divisions=_counties(request.user))
    if request.method == "POST" and form.is_valid():
        row = run_service(form, lambda: svc.register(request.user, **form.cleaned_data))
        if row:
            messages.success(request, "已登记志愿者")
            return redirect("socialorgs:volunteer_detail", pk=row.pk)
    back = reverse(VOLUNTEERS[1])
    return form_page(
        request, title="登记志愿者", trail=crumbs((VOLUNTEERS[0], back), ("登记", None)), form=form,
        cancel_url=back, submit="登记",
    )  # fmt: skip


def volunteer_detail(request, pk: int):
    v = sel.volunteer_detail(request.user, pk)
    records = sel.records_of(v, request.user)
    certificates = sel.certificates_of(v, request.user)
    fields = [
        ("性别", v.get_gender_display()),
        ("出生日期", v.birth_date),
        ("身份证件号码", mask_id_number(v.id_number)),
        ("联系方式", v.phone[:3] + "****" + v.phone[-4:] if len(v.phone) >= 7 else v.phone),
        ("专业技能", v.skills),
        ("服务类别", v.categories),
        ("注册方式", v.get_registered_via_display()),
        ("注册日期", v.registered_on),
        ("累计服务时长（本辖区）", f"{sum((r.hours for r in records), start=0)}小时"),
    ]
    open_corrections = []
    record_rows = []
    for r in records:
        state = ""
        for c in r.corrections.all():
            state = f"{c.get_status_display()}（申请{c.requested_hours}小时）"
            if c.status == CorrectionStatus.OPEN:
                open_corrections.append(c)
        record_rows.append(
            [
                Cell(r.activity.name, reverse("socialorgs:activity_detail", args=[r.activity_id])),
                f"{r.activity.starts_on} 至 {r.activity.ends_on}",
                f"{r.hours}小时",
                r.recorded_on,
                Cell("逾期记录", tag="red") if r.late else "按期",
                state,
            ]
        )
    sections = [
        Section("服务记录", ["活动", "活动日期", "服务时长", "记录日期", "是否按期", "更正"], record_rows),
        Section(
            "志愿服务记录证明",
            ["证明编号", "出具日期", "累计时长", "记录条数"],
            [[c.code, c.issued_on, f"{c.total_hours}小时", c.record_count] for c in certificates],
        ),
    ]
    actions = []
    if can_manage(request.user):
        if records:
            actions.append(
                Action(
                    "出具志愿服务记录证明（无偿）",
                    f.CertificateForm(),
                    reverse("socialorgs:certificate_issue", args=[pk]),
                    "出具",
                    testid="certificate-form",
                )
            )
            for r in records:
                if not any(c.status == CorrectionStatus.OPEN for c in r.corrections.all()):
                    actions.append(
                        Action(
                            f"登记更正申请：{r.activity.name}",
                            f.CorrectionForm(initial={"record": r.pk}),
                            reverse("socialorgs:correction_request", args=[pk]),
                            "登记",
                            testid="correction-form",
                        )
                    )
        for c in open_corrections:
            actions.append(
                Action(
                    f"处理更正申请：{c.record.activity.name}（申请{c.requested_hours}小时，理由：{c.reason}）",
                    f.CorrectionAnswerForm(initial={"correction": c.pk}),
                    reverse("socialorgs:correction_answer", args=[pk]),
                    "提交",
                    testid="correction-answer-form",
                )
            )
    return detail_page(
        request, title=f"志愿者：{v.name}", trail=crumbs((VOLUNTEERS[0], reverse(VOLUNTEERS[1])), (v.name, None)),
        fields=fields, sections=sections, actions=actions,
    )  # fmt: skip


def certificate_issue(request, pk: int):
    v = sel.volunteer_detail(request.user, pk)
    return act_then_redirect(
        request, f.CertificateForm(request.POST), lambda d: svc.issue_certificate(request.user, v, **d),
        lambda c: f"已出具，证明编号 {c.code}", reverse("socialorgs:volunteer_detail", args=[pk]),
    )  # fmt: skip


def correction_request(request, pk: int):
    v = sel.volunteer_detail(request.user, pk)

    def call(d):
        record = sel.record_detail(request.user, d.pop("record"))
        if record.volunteer_id != v.pk:
            raise SocialOrgConflict("该记录不属于此志愿者")
        return svc.request_correction(request.user, record, **d)

    return act_then_redirect(
        request, f.CorrectionForm(request.POST), call, "已登记更正申请",
        reverse("socialorgs:volunteer_detail", args=[pk]),
    )  # fmt: skip


def correction_answer(request, pk: int):
    v = sel.volunteer_detail(request.user, pk)

    def call(d):
        c = sel.correction_detail(request.user, d["correction"])
        if c.record.volunteer_id != v.pk:
            raise SocialOrgConflict("该更正申请不属于此志愿者")
        return svc.answer_correction(
            request.user, c, accept=d["accept"] == "1", answered_on=d["answered_on"], answer=d["answer"]
        )

    return act_then_redirect(
        request, f.CorrectionAnswerForm(request.POST), call, lambda c: c.get_status_display(),
        reverse("socialorgs:volunteer_detail", args=[pk]),
    )  # fmt: skip


def activity_list(request):
    page = paginate(request, sel.activity_list(request.user))
    today = date.today()
    rows = [
        [
            Cell(a.name, reverse("socialorgs:activity_detail", args=[a.pk])),
            a.organiser,
            f"{a.starts_on} 至 {a.ends_on}",
            a.place,
            due_cell(a.record_due_on, today, done=a.record_due_on < today),
        ]
        for a in page
    ]
    extra = [("登记活动", reverse("socialorgs:activity_create"))] if can_manage(request.user) else []
    return table_page(
        request, title=ACTIVITIES[0], trail=crumbs((VOLUNTEERS[0], reverse(VOLUNTEERS[1])), (ACTIVITIES[0], None)),
        page_obj=page, toolbar=extra, headers=["活动名称", "组织单位", "活动日期", "地点", "服务记录期限"], rows=rows,
        intro="《志愿服务记录与证明出具办法（试行）》第十一条：活动结束后10个工作日内记录志愿服务信息（按工作日历计算）。",
    )  # fmt: skip


def activity_create(request):
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.ActivityForm, stations=sel.stations_for_choice(request.user))
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        station_pk = d.pop("station")

        def call():
            station = sel.station_list(request.user).filter(pk=station_pk).first() if station_pk else None
            return svc.create_activity(request.user, station=station, **d)

        row = run_service(form, call)
        if row:
            messages.success(request, f"已登记，服务记录应于 {row.record_due_on} 前录入")
            return redirect("socialorgs:activity_detail", pk=row.pk)
    back = reverse(ACTIVITIES[1])
    return form_page(
        request, title="登记志愿服务活动", trail=crumbs((ACTIVITIES[0], back), ("登记", None)), form=form,
        cancel_url=back, submit="登记",
    )  # fmt: skip


def activity_detail(request, pk: int):
    a = sel.activity_detail(request.user, pk)
    today = date.today()
    fields = [
        ("组织单位", a.organiser),
        ("活动日期", f"{a.starts_on} 至 {a.ends_on}"),
        ("地点", a.place),
        ("服务内容", a.content),
        ("活动负责人", a.person_in_charge),
        ("志愿服务站点", a.station.name if a.station else ""),
        ("服务记录期限", due_cell(a.record_due_on, today, done=a.record_due_on < today)),
    ]
    rows = [
        [
            Cell(r.volunteer.name, reverse("socialorgs:volunteer_detail", args=[r.volunteer_id])),
            f"{r.hours}小时",
            r.evaluation,
            r.recorded_on,
            Cell("逾期记录", tag="red") if r.late else "按期",
        ]
        for r in sel.records_in(a)
    ]
    actions = []
    if can_manage(request.user) and today >= a.ends_on:
        actions.append(
            Action(
                "录入服务记录",
                f.ServiceRecordForm(),
                reverse("socialorgs:record_create", args=[pk]),
                "录入",
                testid="record-form",
            )
        )
    return detail_page(
        request, title=f"志愿服务活动：{a.name}", trail=crumbs((ACTIVITIES[0], reverse(ACTIVITIES[1])), (a.name, None)),
        fields=fields, sections=[Section("服务记录", ["志愿者", "服务时长", "评价", "记录日期", "是否按期"], rows)],
        actions=actions,
    )  # fmt: skip


def record_create(request, pk: int):
    a = sel.activity_detail(request.user, pk)
    return act_then_redirect(
        request, f.ServiceRecordForm(request.POST), lambda d: svc.record_service(request.user, a, **d),
        lambda r: "已录入" + ("（逾期记录）" if r.late else ""), reverse("socialorgs:activity_detail", args=[pk]),
    )  # fmt: skip


def station_list(request):
    page = paginate(request, sel.station_list(request.user, request.GET.get("division_code", "")))
    rows = [[s.name, s.facility, s.division_code, s.opened_on, s.closed_on or ""] for s in page]
    extra = [("设立站点", reverse("socialorgs:station_create"))] if can_manage(request.user) else []
    return table_page(
        request, title=STATIONS[0], trail=crumbs((VOLUNTEERS[0], reverse(VOLUNTEERS[1])), (STATIONS[0], None)),
        page_obj=page, toolbar=extra, headers=["站点名称", "依托设施", "所在村（社区）", "设立日期", "撤销日期"], rows=rows,
        intro="志愿服务站点依托城乡社区综合服务设施设立（每个村、社区一处）；覆盖率 = 设有站点的村（社区）÷ 村（社区）总数。",
    )  # fmt: skip


def station_create(request):
    require(request.user, Capability.MANAGE_SOCIALORGS)
    form = submitted(request, f.StationForm)
    if request.method == "POST" and form.is_valid():
        row = run_service(form, lambda: svc.open_station(request.user, **form.cleaned_data))
        if row:
            messages.success(request, "已设立站点")
            return redirect("socialorgs:station_list")
    back = reverse(STATIONS[1])
    return form_page(
        request, title="设立志愿服务站点", trail=crumbs((STATIONS[0], back), ("设立", None)), form=form,
        cancel_url=back, submit="设立",
    )  # fmt: skip


def public_register(request):
    """志愿者本人注册 (条例第七条), no login. The answer is the same whether or not the number was registered."""
    form = f.VolunteerForm(request.POST if request.method == "POST" else None, divisions=sel.county_choices())
    done, status = False, 200
    if request.method == "POST":
        if not post_allowed(request, form, page="志愿者注册"):
            status = 429
        elif form.is_valid():
            done = run_service(form, lambda: svc.self_register(**form.cleaned_data) or True) is not None
    return render(request, "socialorgs/public_volunteer.html", {"form": form, "done": done}, status=status)


def public_certificate(request):
    """志愿服务记录证明核验 (办法第十七条), no login."""
    form, d = search(request, f.CertificateCheckForm)
    code = d.get("code") or ""
    result = sel.check_certificate(code) if code else None
    return render(
        request, "socialorgs/public_certificate.html", {"form": form, "code": code, "result": result}
    )
