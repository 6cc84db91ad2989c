"""协议离婚 pages: 受理 on a marriage, the list of applications, one application with its 回执 dates and the
actions its period allows (撤回 / 审查登记 / 不予登记)."""

from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from minzheng.core.identity import mask_id_number
from minzheng.web.kit.forms import act_then_redirect

from .. import forms as f
from ..models import DivorceStatus
from ..rules.cooling_off import Phase, phase_on
from ..selectors import marriages as sel
from ..selectors.registries import registries_served_by
from ..services import divorces as svc
from .common import (
    Action,
    Cell,
    Section,
    can_register,
    couple_text,
    crumbs,
    detail_page,
    paginate,
    search,
    status_cell,
    table_page,
)

LIST = ("离婚登记", "marriage:divorce_list")
_PHASES = {
    Phase.WITHDRAWAL: "冷静期（可撤回）",
    Phase.APPEARANCE: "待双方到场申请发证",
    Phase.LAPSED: "期满未申请发证",
}


def divorce_list(request):
    ff, data = search(request, f.DivorceFilterForm)
    today = timezone.localdate()
    filters = sel.DivorceFilter(status=data.get("status") or "", stage=data.get("stage") or "")
    page = paginate(request, sel.divorce_list(request.user, filters, today))
    rows = [
        [
            Cell(f"#{d.pk}", reverse("marriage:divorce_detail", args=[d.pk])),
            couple_text(d.marriage),
            d.marriage.certificate_number,
            d.received_on,
            d.withdrawal_end,
            f"{d.appearance_start} 至 {d.appearance_end}",
            status_cell(d),
        ]
        for d in page
    ]
    return table_page(
        request,
        title="离婚登记申请",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=["申请", "当事人", "结婚证字号", "受理日期", "冷静期届满", "申请发证期间", "状态"],
        rows=rows,
        filter_form=ff,
        intro="协议离婚在结婚登记记录上受理（结婚登记 › 查看 › 受理离婚登记申请）。",
    )


@require_POST
def divorce_receive(request, pk: int):
    marriage = sel.marriage_for_action(request.user, pk)
    registries = list(registries_served_by(request.user))
    form = f.DivorceReceiveForm(request.POST, registries=registries)

    def call(d):
        registry = next(r for r in registries if str(r.pk) == d["registry"])
        agreement = svc.Agreement(children=d["children"], property=d["property"], debts=d["debts"])
        return svc.receive_divorce(request.user, marriage, registry=registry, agreement=agreement)

    def success(app):
        return (
            f"已受理离婚登记申请（回执）：{app.withdrawal_end:%Y-%m-%d}前任何一方可撤回；"
            f"双方应于{app.appearance_start:%Y-%m-%d}至{app.appearance_end:%Y-%m-%d}期间亲自到场申请发证"
        )

    if not form.is_valid():
        return act_then_redirect(request, form, call, success, reverse("marriage:marriage_detail", args=[pk]))
    from django.contrib import messages
    from django.shortcuts import redirect

    from minzheng.core.errors import MinzhengError

    try:
        app = call(form.cleaned_data)
    except MinzhengError as error:
        messages.error(request, error.message)
        return redirect("marriage:marriage_detail", pk=pk)
    messages.success(request, success(app))
    return redirect("marriage:divorce_detail", pk=app.pk)


def divorce_detail(request, pk: int):
    d = sel.read_divorce(request.user, pk)
    today = timezone.localdate()
    phase = phase_on(svc.windows_of(d), max(today, d.received_on))
    parties = Section(
        "当事人",
        ["", "姓名", "证件号码"],
        [
            ["男方" if p.sex == "1" else "女方", p.name, mask_id_number(p.id_number)]
            for p in d.marriage.parties.all()
        ],
    )
    agreement = Section(
        "离婚协议",
        ["事项", "协商一致的意见"],
        [
            ["子女抚养", d.children_arrangement],
            ["财产处理", d.property_arrangement],
            ["债务处理", d.debt_arrangement],
        ],
    )
    actions = []
    if d.status == DivorceStatus.COOLING_OFF and can_register(request.user):
        if phase is Phase.WITHDRAWAL:
            actions.append(Action("撤回离婚登记申请（撤回确认单）", f.WithdrawForm(),
                                  reverse("marriage:divorce_withdraw", args=[pk]), submit="确认撤回",
                                  confirm="确认撤回该离婚登记申请？", testid="divorce-withdraw"))  # fmt: skip
        elif phase is Phase.APPEARANCE:
            actions.append(Action("审查并登记离婚（发给离婚证）", f.RegisterDivorceForm(),
                                  reverse("marriage:divorce_register", args=[pk]), submit="登记并发证",
                                  testid="divorce-register"))  # fmt: skip
            actions.append(Action("审查不予登记", f.RefuseDivorceForm(), reverse("marriage:divorce_refuse", args=[pk]),
                                  submit="不予登记", confirm="确认不予登记？"))  # fmt: skip
    provisional = "（所涉年份节假日安排尚未载入，期限按周末暂算）" if d.dates_provisional else ""
    return detail_page(
        request,
        title=f"离婚登记申请 #{d.pk}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (f"#{d.pk}", None)),
        fields=[
            (
                "结婚证字号",
                Cell(
                    d.marriage.certificate_number, reverse("marriage:marriage_detail", args=[d.marriage_id])
                ),
            ),
            ("受理机关", d.registry.name),
            ("受理日期", d.received_on),
            ("冷静期届满日（最后可撤回日）", f"{d.withdrawal_end}{provisional}"),
            ("双方到场申请发证期间", f"{d.appearance_start} 至 {d.appearance_end}"),
            ("今日所处期间", _PHASES[phase] if d.status == DivorceStatus.COOLING_OFF else "—"),
            ("办结日期", d.closed_on or "—"),
            ("撤回方", d.get_withdrawn_by_display() or "—"),
            ("审查意见", d.review_note or "—"),
            ("离婚证字号", d.certificate_number or "—"),
        ],
        status=status_cell(d),
        sections=[parties, agreement],
        actions=actions,
        testid="divorce-detail",
    )


def _back(pk: int) -> str:
    return reverse("marriage:divorce_detail", args=[pk])


@require_POST
def divorce_withdraw(request, pk: int):
    app = sel.divorce_for_action(request.user, pk)
    return act_then_redirect(
        request, f.WithdrawForm(request.POST),
        lambda d: svc.withdraw_divorce(request.user, app, party_sex=d["party_sex"]),
        "已撤回离婚登记申请（撤回确认单已出具）", _back(pk),
    )  # fmt: skip


@require_POST
def divorce_register(request, pk: int):
    app = sel.divorce_for_action(request.user, pk)
    return act_then_redirect(
        request, f.RegisterDivorceForm(request.POST),
        lambda d: svc.register_divorce(request.user, app, both_present=d["both_present"], review_note=d["review_note"]),
        lambda a: f"离婚登记完成，离婚证字号 {a.certificate_number}", _back(pk),
    )  # fmt: skip


@require_POST
def divorce_refuse(request, pk: int):
    app = sel.divorce_for_action(request.user, pk)
    return act_then_redirect(
        request, f.RefuseDivorceForm(request.POST),
        lambda d: svc.refuse_divorce(request.user, app, review_note=d["review_note"]),
        "已作出不予登记的审查决定", _back(pk),
    )  # fmt: skip
