"""受助人员: list, 入站 form, the client's page with its clocks, services, 寻亲 and 离站 actions."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit.forms import run_service

from .. import forms as f
from ..selectors import clients as sel
from ..services import discharge as leave
from ..services import intake, tracing
from .common import (
    Action,
    Cell,
    Section,
    can_handle,
    crumbs,
    detail_page,
    form_page,
    masked_id,
    paginate,
    post_action,
    search,
    shown_name,
    stamp,
    table_page,
)  # fmt: skip

LIST = ("受助人员", "rescue:client_list")


def _status(client) -> Cell:
    if client.in_station:
        return Cell("在站", tag="orange")
    return Cell(
        client.get_discharge_display(), tag="green" if client.discharge in ("returned", "family") else "grey"
    )


def client_list(request):
    form, data = search(request, f.ClientFilterForm)
    page = paginate(request, sel.client_list(request.user, q=data.get("q") or "", division_code=data.get("division_code") or "",
                                             status=data.get("status") or "", unidentified_only=bool(data.get("unidentified_only"))))  # fmt: skip
    rows = [[Cell(c.number, reverse("rescue:client_detail", args=[c.pk])), shown_name(c.name, request.user),
             f"{c.get_sex_display()} · {'' if c.identified else '约'}{c.estimated_age}岁", c.station.name, stamp(c.admitted_at),
             "—" if c.identified else ("已发布" if c.noticed else Cell("未发布", tag="red")), _status(c)] for c in page]  # fmt: skip
    toolbar = [("受理入站", reverse("rescue:client_create"))] if can_handle(request.user) else []
    return table_page(request, title="受助人员", trail=crumbs(("受助人员", None)), page_obj=page, filter_form=form,
                      headers=["受助编号", "姓名", "性别年龄", "救助站", "入站时间", "寻亲公告", "状态"], rows=rows, toolbar=toolbar,
                      intro="救助期限一般不超过10天；身份不明的受助人员入站24小时内发布寻亲公告。受助人员自愿离站的，不得限制。")  # fmt: skip


def client_create(request):
    require(request.user, Capability.MANAGE_RESCUE)
    stations = list(sel.station_list(request.user))
    form = f.IntakeForm(request.POST or None, stations=stations, rooms=sel.rooms_of(stations))
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        d["station"] = next(s for s in stations if str(s.pk) == d["station"])
        d["room"] = next((r for r in sel.rooms_of(stations) if str(r.pk) == d["room"]), None)
        client = run_service(form, lambda: intake.take_in(request.user, intake.IntakeInput(**d)))
        if client:
            messages.success(request, f"已受理入站：{client.number}")
            return redirect("rescue:client_detail", pk=client.pk)
    back = reverse(LIST[1])
    return form_page(request, title="受理入站", trail=crumbs((LIST[0], back), ("受理入站", None)), form=form, cancel_url=back,
                     intro="公安机关护送的，登记交接表编号；身份无法查明的，填写估计年龄，照片、指纹、DNA样本仅登记编号。")  # fmt: skip


def _fields(client, user, clocks) -> list:
    fields = [
        ("受助编号", client.number), ("姓名", shown_name(client.name, user)),
        ("公民身份号码", masked_id(client.id_number)), ("性别", client.get_sex_display()),
        ("年龄", f"{'' if client.identified else '约'}{client.estimated_age}岁"),
        ("救助站", client.station.name), ("房间", str(client.room) if client.room else "未安排"),
        ("来站方式", f"{client.get_source_display()} {client.handover_ref}".strip()),
        ("入站时间", stamp(client.admitted_at)), ("救助期限至", f"{clocks.stay_ends_on:%Y-%m-%d}"),
        ("发现地点", client.found_place or "—"), ("户籍地或来处", client.hometown_text or "—"),
        ("体貌特征", client.features or "—"),
    ]  # fmt: skip
    if not client.identified:
        fields.append(
            (
                "寻亲公告期限",
                f"{stamp(clocks.notice_due_at)}（{'已于' + stamp(clocks.noticed_at) + '发布' if clocks.noticed_at else '未发布'}）",
            )
        )
        fields.append(("头条寻人推送自", f"{clocks.toutiao_due_on:%Y-%m-%d}"))
        fields.append(("长期滞留（落户安置）自", f"{clocks.settlement_from:%Y-%m-%d}之后"))
    if clocks.dna_due_on:
        fields.append(("DNA比对结果应于", f"{clocks.dna_due_on:%Y-%m-%d}前反馈"))
    if can_handle(user):  # sensitive: the station's handlers only
        fields += [("健康状况", client.health_notes or "—"), ("照片编号", client.photo_ref or "—"),
                   ("指纹编号", client.fingerprint_ref or "—"), ("DNA样本编号", client.dna_sample_ref or "—")]  # fmt: skip
    if not client.in_station:
        fields += [
            ("离站", f"{client.get_discharge_display()} {stamp(client.discharged_at)}"),
            ("去向", client.destination),
        ]
    return fields


def _proposal_rows(client, user) -> list:
    names = names_of({(p.wander_risk or p.report).division_code for p in sel.proposals(client)})
    rows = []
    for p in sel.proposals(client):
        candidate = p.wander_risk or p.report
        kind = "易走失人员" if p.wander_risk_id else "寻人报告"
        rows.append([p.pk, kind, shown_name(candidate.name, user), names.get(candidate.division_code, ""), p.score, p.reasons,
                     Cell(p.get_status_display(), tag={"confirmed": "green", "proposed": "orange"}.get(p.status, "grey"))])  # fmt: skip
    return rows


def _actions(client, url) -> list:
    if not client.in_station:
        return []
    rooms = sel.rooms_for(client)
    acts = [
        Action("寻亲措施登记", f.ActionForm(), url("action_add"), "登记", testid="tracing-action"),
        Action("寻亲比对", f.MatchRunForm(), url("match_run"), "比对", testid="match-run"),
        Action("处理比对候选", f.ProposalForm(), url("proposal_decide"), "提交", testid="proposal-decide"),
        Action("安排房间", f.RoomAssignForm(rooms=rooms), url("room_assign"), "安排"),
        Action("登记随身物品", f.BelongingForm(), url("belonging_add"), "登记"),
        Action("救助服务", f.ServiceForm(), url("service_add"), "登记"),
        Action("报备延长救助期限", f.ExtensionForm(), url("extension_add"), "报备"),
    ]
    if client.identified:
        acts.append(
            Action(
                "接送返回交接",
                f.ReturnForm(),
                url("return_add"),
                "交接",
                "确定登记返回交接并离站？",
                testid="return-add",
            )
        )
    else:
        acts.append(Action("登记身份查明", f.IdentifyForm(), url("identify"), "登记"))
    acts.append(
        Action("离站", f.DischargeForm(), url("discharge"), "离站", "确定办理离站？", testid="discharge")
    )
    return acts


def client_detail(request, pk: int):
    client = sel.read_client(request.user, pk)
    clocks = sel.clocks_of(client)
    sections = [
        Section("寻亲记录", ["时间", "措施", "编号或渠道", "说明", "经办人"],
                [[stamp(a.at), a.get_kind_display(), a.reference, a.note, a.actor.get_full_name() or a.actor.username]
                 for a in sel.actions(client)], empty="尚无寻亲记录"),
        Section("比对候选", ["序号", "来源", "姓名", "区划", "匹配度", "依据", "状态"], _proposal_rows(client, request.user),
                empty="尚无比对候选"),
        Section("随身物品", ["物品", "数量", "备注", "返还"], [[b.item, b.quantity, b.note, "已返还" if b.returned else "在站保管"]
                                                    for b in client.belongings.order_by("pk")]),
        Section("救助服务", ["日期", "服务", "说明"], [[s.on, s.get_kind_display(), s.note] for s in client.services.order_by("on", "pk")]),
        Section("延长救助期限", ["报备日期", "报备文号", "延长至", "原因"],
                [[e.filed_on, e.filing_ref, e.until, e.reason] for e in client.extensions.order_by("filed_on")]),
    ]  # fmt: skip
    trip = getattr(client, "return_trip", None)
    if trip:
        sections.append(Section("接送返回", ["返回地", "护送人员", "乘车凭证", "接收人或单位", "交接日期"],
                                [[trip.destination, trip.escort, trip.voucher, trip.receiving_party, trip.handed_over_on]]))  # fmt: skip

    def url(name):
        return reverse(f"rescue:{name}", args=[pk])

    return detail_page(request, title=f"受助人员 {client.number}", trail=crumbs((LIST[0], reverse(LIST[1])), (client.number, None)),
                       fields=_fields(client, request.user, clocks), sections=sections,
                       actions=_actions(client, url) if can_handle(request.user) else [], status=_status(client),
                       testid="client-detail")  # fmt: skip


def _post(request, pk, form_class, call, success, **form_kwargs):
    client = sel.client_for_action(request.user, pk)
    form = form_class(request.POST, **form_kwargs(client) if callable(form_kwargs) else form_kwargs)
    return post_action(
        request, form, lambda d: call(client, d), success, reverse("rescue:client_detail", args=[pk])
    )


def action_add(request, pk: int):
    return _post(
        request, pk, f.ActionForm, lambda c, d: tracing.log_action(request.user, c, **d), "已登记寻亲措施"
    )


def match_run(request, pk: int):
    return _post(request, pk, f.MatchRunForm, lambda c, d: tracing.propose_matches(request.user, c),
                 lambda found: f"比对完成：新提出{len(found)}个候选")  # fmt: skip


def proposal_decide(request, pk: int):
    def call(client, d):
        proposal = sel.proposal_for_action(request.user, client, d["proposal"])
        return tracing.decide_proposal(request.user, proposal, confirm=d["decision"] == "confirm")

    return _post(request, pk, f.ProposalForm, call, lambda p: f"候选{p.get_status_display()}")


def room_assign(request, pk: int):
    def call(client, d):
        room = sel.rooms_for(client).filter(pk=int(d["room"])).first()
        return intake.assign_room(request.user, client, room) if room else None

    client = sel.client_for_action(request.user, pk)
    form = f.RoomAssignForm(request.POST, rooms=sel.rooms_for(client))
    return post_action(
        request, form, lambda d: call(client, d), "已安排房间", reverse("rescue:client_detail", args=[pk])
    )


def belonging_add(request, pk: int):
    return _post(
        request,
        pk,
        f.BelongingForm,
        lambda c, d: intake.add_belonging(request.user, c, **d),
        "已登记随身物品",
    )


def service_add(request, pk: int):
    return _post(
        request, pk, f.ServiceForm, lambda c, d: intake.add_service(request.user, c, **d), "已登记救助服务"
    )


def extension_add(request, pk: int):
    return _post(
        request,
        pk,
        f.ExtensionForm,
        lambda c, d: intake.file_extension(request.user, c, **d),
        "已报备延长救助期限",
    )


def identify(request, pk: int):
    return _post(
        request, pk, f.IdentifyForm, lambda c, d: tracing.identify(request.user, c, **d), "已登记身份查明"
    )


def return_add(request, pk: int):
    return _post(
        request,
        pk,
        f.ReturnForm,
        lambda c, d: leave.record_return(request.user, c, **d),
        "已办理接送返回交接",
    )


def discharge(request, pk: int):
    return _post(
        request, pk, f.DischargeForm, lambda c, d: leave.discharge(request.user, c, **d), "已办理离站"
    )
