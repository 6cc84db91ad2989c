"""婚姻家庭辅导 pages: sessions (list, 登记辅导) and a registry's rooms (added from the registry's page)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..selectors import counselling as sel
from ..selectors.registries import registry_detail
from ..services import counselling as svc
from .common import Cell, can_register, crumbs, form_page, paginate, table_page

LIST = ("婚姻家庭辅导", "marriage:session_list")


def session_list(request):
    page = paginate(request, sel.session_list(request.user))
    rows = [
        [s.held_on, s.room.registry.name, s.room.name, s.get_kind_display(), s.counsellor, s.get_outcome_display(),
         Cell(f"#{s.divorce_id}", reverse("marriage:divorce_detail", args=[s.divorce_id])) if s.divorce_id else "—",
         s.note]
        for s in page
    ]  # fmt: skip
    toolbar = [("登记辅导", reverse("marriage:session_create"))] if can_register(request.user) else []
    return table_page(
        request,
        title="婚姻家庭辅导",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=["日期", "登记机关", "辅导室", "类型", "辅导员", "结果", "离婚申请", "工作记录"],
        rows=rows,
        toolbar=toolbar,
        intro="只记录辅导类型、结果和必要的工作记录，不记录当事人隐私。辅导室在“登记机关”页面设立。",
    )


def session_create(request):
    require(request.user, Capability.REGISTER_MARRIAGE)
    rooms = list(sel.rooms_for_registrar(request.user))
    form = submitted(request, f.SessionForm, rooms=rooms, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        room = next(r for r in rooms if str(r.pk) == d["room"])
        row = run_service(
            form,
            lambda: svc.record_session(
                request.user, room, held_on=d["held_on"], kind=d["kind"], counsellor=d["counsellor"],
                outcome=d["outcome"], divorce_id=d["divorce_id"], note=d["note"],
            ),
        )  # fmt: skip
        if row:
            messages.success(request, "已登记婚姻家庭辅导")
            return redirect(LIST[1])
    back = reverse(LIST[1])
    return form_page(
        request,
        title="登记婚姻家庭辅导",
        trail=crumbs((LIST[0], back), ("登记", None)),
        form=form,
        cancel_url=back,
    )


@require_POST
def room_add(request, pk: int):
    registry = registry_detail(request.user, pk)
    return act_then_redirect(
        request, f.RoomForm(request.POST),
        lambda d: svc.add_room(request.user, registry, name=d["name"], opened_on=d["opened_on"]),
        lambda r: f"已设立{r.name}", reverse("marriage:registry_detail", args=[pk]),
    )  # fmt: skip
