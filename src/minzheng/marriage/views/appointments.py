"""预约 pages: the desk's list of bookings (到场), opening slots on a registry; the public booking pages."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from minzheng.core.errors import MinzhengError
from minzheng.core.identity import mask_id_number, mask_name
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted
from minzheng.web.kit.public import post_allowed

from .. import forms as f
from ..selectors import appointments as sel
from ..selectors.registries import registry_detail
from ..services import appointments as svc
from ..services.common import policy_int
from .common import Action, Cell, can_register, crumbs, detail_page, paginate, search, status_cell, table_page

LIST = ("预约", "marriage:appointment_list")


def appointment_list(request):
    ff, data = search(request, f.AppointmentFilterForm)
    day = data.get("day") if "day" in request.GET else timezone.localdate()
    page = paginate(request, sel.appointment_list(request.user, day, data.get("status") or ""))
    rows = [
        [
            Cell(a.code, reverse("marriage:appointment_detail", args=[a.pk])),
            a.day,
            a.slot.get_period_display(),
            a.slot.registry.name,
            a.get_business_display(),
            a.name,
            mask_id_number(a.id_number),
            status_cell(a),
        ]
        for a in page
    ]
    return table_page(
        request,
        title="婚姻登记预约",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=["预约号", "日期", "时段", "登记机关", "事项", "预约人", "证件号码", "状态"],
        rows=rows,
        filter_form=ff,
        intro="公众在“婚姻登记预约”公开页面预约（无需登录）；号源在“登记机关”页面开放。日期留空显示全部。",
    )


def appointment_detail(request, pk: int):
    a = sel.appointment_for_action(request.user, pk)
    back = reverse("marriage:appointment_detail", args=[pk])
    if request.method == "POST":
        return act_then_redirect(
            request,
            f.AttendForm(request.POST),
            lambda d: svc.mark_attended(request.user, a),
            "已确认到场",
            back,
        )
    actions = []
    if can_register(request.user) and a.status == "booked" and a.day == timezone.localdate():
        actions.append(Action("确认到场", f.AttendForm(initial={"confirm": True}), back, submit="确认到场"))
    return detail_page(
        request,
        title=f"预约 {a.code}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (a.code, None)),
        fields=[
            ("登记机关", a.slot.registry.name),
            ("日期", a.day),
            ("时段", a.slot.get_period_display()),
            ("事项", a.get_business_display()),
            ("预约人", a.name),
            ("证件号码", mask_id_number(a.id_number)),
            ("联系电话", a.phone),
        ],
        status=status_cell(a),
        actions=actions,
    )


@require_POST
def slots_open(request, pk: int):
    registry = registry_detail(request.user, pk)

    def call(d):
        return svc.open_slots(
            request.user,
            registry,
            start=d["start"],
            end=d["end"],
            morning=d["morning"],
            afternoon=d["afternoon"],
        )

    def success(result):
        created, provisional = result
        note = "（所涉年份节假日安排尚未载入，仅按周末排除）" if provisional else ""
        return f"已开放{created}个时段（法定节假日和周末不开放，调休上班日开放）{note}"

    return act_then_redirect(request, f.OpenSlotsForm(request.POST), call, success,
                             reverse("marriage:registry_detail", args=[pk]))  # fmt: skip


# --- public pages (no login; /public/marriage/) ----------------------------------------------------------


def _public(request, template_context: dict, status: int = 200):
    return render(
        request, "marriage/public.html", {"page_title": "婚姻登记预约", **template_context}, status=status
    )


def _allowed_to_post(request, form) -> bool:
    most = getattr(settings, "MARRIAGE_PUBLIC_MAX_POSTS", settings.PUBLIC_MAX_POSTS)
    return post_allowed(request, form, page="预约、取消预约", max_posts=most)


def public_home(request):
    """公开: registries and, for the chosen one, the coming slots with free places (no personal data)."""
    registries = list(sel.public_registries())
    chosen_id = request.GET.get("registry", "")
    chosen = (
        sel.public_registry(int(chosen_id))
        if chosen_id.isascii() and chosen_id.isdigit() and len(chosen_id) < 10
        else None
    )
    slots = []
    if chosen:
        today = timezone.localdate()
        slots = sel.free_slots(
            chosen, today, policy_int("marriage_booking_days_ahead", chosen.division_code, today)
        )
    return _public(request, {"registries": registries, "chosen": chosen, "slots": slots})


def public_book(request, slot: int):
    found = sel.public_slot(slot)
    if found is None:
        messages.error(request, "该预约时段不存在，请重新选择")
        return redirect("marriage_public:home")
    form = submitted(request, f.BookingForm)
    if request.method == "POST" and not _allowed_to_post(request, form):
        return _public(request, {"slot": found, "form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        booked = run_service(form, lambda: svc.book_appointment(slot_id=found.pk, **d))
        if booked:
            return _public(request, {"booked": booked, "masked_name": mask_name(booked.name)})
    return _public(request, {"slot": found, "form": form})


def public_cancel(request):
    form = submitted(request, f.CancelBookingForm)
    cancelled = None
    if request.method == "POST" and not _allowed_to_post(request, form):
        return _public(request, {"cancel_form": form, "cancelled": None}, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            cancelled = svc.cancel_booking(**form.cleaned_data)
        except MinzhengError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
    return _public(request, {"cancel_form": form, "cancelled": cancelled})
