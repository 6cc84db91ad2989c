"""救助管理站 and rooms."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import run_service

from ..forms import RoomForm, StationForm
from ..selectors import clients as sel
from ..services import stations as svc
from .common import (
    Action,
    Cell,
    Section,
    can_set_policy,
    crumbs,
    detail_page,
    form_page,
    paginate,
    post_action,
    table_page,
)


def station_list(request):
    page = paginate(request, sel.station_list(request.user))
    names = names_of({s.division_code for s in page})
    rows = [[Cell(s.name, reverse("rescue:station_detail", args=[s.pk])), names.get(s.division_code, s.division_code),
             s.address, s.phone] for s in page]  # fmt: skip
    toolbar = [("登记救助站", reverse("rescue:station_create"))] if can_set_policy(request.user) else []
    return table_page(request, title="救助管理站", trail=crumbs(("救助管理站", None)), page_obj=page,
                      headers=["名称", "区划", "地址", "求助电话"], rows=rows, toolbar=toolbar,
                      intro="受助人员住宿应当男女分室（《城市生活无着的流浪乞讨人员救助管理办法》第八条）。")  # fmt: skip


def station_create(request):
    require(request.user, Capability.MANAGE_POLICY)
    form = StationForm(request.POST or None, initial={"division_code": request.user.division_code})
    if request.method == "POST" and form.is_valid():
        station = run_service(form, lambda: svc.register_station(request.user, **form.cleaned_data))
        if station:
            messages.success(request, f"已登记 {station.name}")
            return redirect("rescue:station_detail", pk=station.pk)
    back = reverse("rescue:station_list")
    return form_page(request, title="登记救助管理站", trail=crumbs(("救助管理站", back), ("登记", None)), form=form,
                     cancel_url=back)  # fmt: skip


def station_detail(request, pk: int):
    station = sel.station_detail(request.user, pk)
    rooms = Section("房间", ["房间号", "性别", "床位数", "在住"],
                    [[r.code, r.get_sex_display(), r.beds, r.clients.filter(discharge="").count()] for r in sel.rooms(station)],
                    empty="尚未登记房间")  # fmt: skip
    actions = (
        [Action("新增房间", RoomForm(), reverse("rescue:room_add", args=[pk]), "新增")]
        if can_set_policy(request.user)
        else []
    )
    return detail_page(request, title=station.name, trail=crumbs(("救助管理站", reverse("rescue:station_list")), (station.name, None)),
                       fields=[("地址", station.address), ("求助电话", station.phone)], sections=[rooms], actions=actions,
                       testid="station-detail")  # fmt: skip


def room_add(request, pk: int):
    station = sel.station_detail(request.user, pk)
    return post_action(request, RoomForm(request.POST), lambda d: svc.add_room(request.user, station, **d), "已新增房间",
                       reverse("rescue:station_detail", args=[pk]))  # fmt: skip
