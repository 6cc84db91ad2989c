"""公墓 pages: the list, registration, one cemetery (plot map, sections, 年检), one plot (安葬, 续期), area limits."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.web.kit import pages
from minzheng.web.kit.forms import run_service

from ..forms import BuryForm, CemeteryForm, InspectionForm, RenewForm, SectionForm
from ..selectors import cemeteries as sel
from ..selectors import deaths as death_sel
from ..services import cemeteries as svc
from .common import (
    Action,
    Cell,
    Section,
    base_context,
    can_manage,
    can_set_policy,
    crumbs,
    detail_page,
    form_page,
    paginate,
    post_action,
    table_page,
)


def cemetery_list(request):
    page = paginate(request, sel.cemetery_list(request.user))
    names = names_of({c.division_code for c in page})
    rows = [
        [Cell(c.name, reverse("funeral:cemetery_detail", args=[c.pk])), c.get_kind_display(),
         names.get(c.division_code, c.division_code), c.get_approving_level_display(), c.approval_document, c.plots, c.used]
        for c in page
    ]  # fmt: skip
    toolbar = [("登记公墓", reverse("funeral:cemetery_create"))] if can_set_policy(request.user) else []
    toolbar.append(("墓位面积上限", reverse("funeral:area_limit_list")))
    return table_page(
        request, title="公墓", trail=crumbs(("公墓", None)), page_obj=page,
        headers=["名称", "类型", "区划", "审批机关", "批准文件", "墓位", "已使用"], rows=rows, toolbar=toolbar,
        intro="公墓由省级民政部门批准，农村公益性墓地由县级民政部门批准并只安葬本村村民；墓位使用周期原则上20年。",
    )  # fmt: skip


def cemetery_create(request):
    require(request.user, Capability.MANAGE_POLICY)
    form = CemeteryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cemetery = run_service(form, lambda: svc.register_cemetery(request.user, **form.cleaned_data))
        if cemetery:
            messages.success(request, f"已登记 {cemetery.name}")
            return redirect("funeral:cemetery_detail", pk=cemetery.pk)
    back = reverse("funeral:cemetery_list")
    return form_page(
        request, title="登记公墓", trail=crumbs(("公墓", back), ("登记", None)), form=form, cancel_url=back
    )


def cemetery_detail(request, pk: int):
    cemetery = sel.cemetery_detail(request.user, pk)
    fields = [
        ("类型", cemetery.get_kind_display()),
        ("区划", names_of({cemetery.division_code}).get(cemetery.division_code, cemetery.division_code)),
        ("地址", cemetery.address),
        (
            "审批",
            f"{cemetery.get_approving_level_display()} {cemetery.approval_document}（{cemetery.approved_on:%Y-%m-%d}）",
        ),
    ]
    sections = Section(
        "墓区", ["墓区", "排数", "每排墓位数"],
        [[s.name, s.rows, s.columns] for s in cemetery.sections.order_by("name")], empty="尚未建立墓区",
    )  # fmt: skip
    inspections = Section(
        "年检", ["年度", "结论", "检查日期", "问题及整改要求"],
        [[i.year, i.get_result_display(), i.inspected_on, i.note] for i in cemetery.inspections.order_by("-year")],
    )  # fmt: skip
    actions = []
    if can_set_policy(request.user):
        actions = [
            Action("新建墓区", SectionForm(), reverse("funeral:section_add", args=[pk]), "新建", testid="section-add"),
            Action("登记年检结论", InspectionForm(initial={"year": date.today().year}), reverse("funeral:inspection_add", args=[pk]), "登记"),
        ]  # fmt: skip
    maps = sel.section_maps(cemetery, lambda plot_pk: reverse("funeral:plot_detail", args=[plot_pk]))
    trail = crumbs(("公墓", reverse("funeral:cemetery_list")), (cemetery.name, None))
    return pages.detail_page(
        request, frame=base_context(cemetery.name, trail, maps=maps), fields=fields, sections=[sections, inspections],
        actions=actions, testid="cemetery-detail", template="funeral/cemetery_detail.html",
    )  # fmt: skip


def section_add(request, pk: int):
    cemetery = sel.cemetery_detail(request.user, pk)
    return post_action(
        request, SectionForm(request.POST),
        lambda d: svc.add_section(request.user, cemetery, **d, on=date.today()), "已新建墓区",
        reverse("funeral:cemetery_detail", args=[pk]),
    )  # fmt: skip


def inspection_add(request, pk: int):
    cemetery = sel.cemetery_detail(request.user, pk)
    return post_action(
        request, InspectionForm(request.POST), lambda d: svc.record_inspection(request.user, cemetery, **d),
        "已登记年检结论", reverse("funeral:cemetery_detail", args=[pk]),
    )  # fmt: skip


def _deaths(request):
    return [
        (x.pk, f"{x.display_name}（{x.death_date:%Y-%m-%d}）")
        for x in death_sel.death_list(request.user)[:300]
    ]


def plot_detail(request, pk: int):
    plot = sel.plot_detail(request.user, pk)
    cemetery = plot.section.cemetery
    fields = [
        ("公墓", Cell(cemetery.name, reverse("funeral:cemetery_detail", args=[cemetery.pk]))),
        ("墓位类型", plot.get_kind_display()),
        ("占地面积", f"{plot.area_m2} 平方米"),
        ("安葬人", plot.first_occupant.display_name if plot.first_occupant else "—"),
        ("合葬人", plot.second_occupant.display_name if plot.second_occupant else "—"),
        ("预留配偶", plot.reserved_for or "—"),
        ("安葬（签约）日期", plot.contract_on or "—"),
        ("使用周期届满日", plot.cycle_ends_on or "—"),
    ]
    actions = []
    if can_manage(request.user):
        if plot.state != "occupied":
            actions.append(Action("安葬", BuryForm(deaths=_deaths(request), initial={"on": date.today()}), reverse("funeral:plot_bury", args=[pk]), "安葬", testid="plot-bury"))  # fmt: skip
        if plot.cycle_ends_on:
            actions.append(Action("续期（再延一个使用周期）", RenewForm(initial={"on": date.today()}), reverse("funeral:plot_renew", args=[pk]), "续期", "确定续期？"))  # fmt: skip
    return detail_page(
        request, title=f"墓位 {plot.number}",
        trail=crumbs(("公墓", reverse("funeral:cemetery_list")), (cemetery.name, reverse("funeral:cemetery_detail", args=[cemetery.pk])), (plot.number, None)),
        fields=fields, actions=actions, status=Cell(plot.get_state_display(), tag="green" if plot.state == "available" else "grey"),
        testid="plot-detail",
    )  # fmt: skip


def plot_bury(request, pk: int):
    plot = sel.plot_detail(request.user, pk)
    form = BuryForm(request.POST, deaths=_deaths(request))

    def call(d):
        death = death_sel.death_for_action(request.user, d["death"])
        return svc.bury(request.user, plot, death, on=d["on"], reserved_for=d["reserved_for"])

    return post_action(request, form, call, "已办理安葬", reverse("funeral:plot_detail", args=[pk]))


def plot_renew(request, pk: int):
    plot = sel.plot_detail(request.user, pk)
    return post_action(
        request, RenewForm(request.POST), lambda d: svc.renew(request.user, plot, on=d["on"]), "已续期",
        reverse("funeral:plot_detail", args=[pk]),
    )  # fmt: skip


def area_limit_list(request):
    page = paginate(request, sel.area_limits(request.user))
    names = names_of({x.division_code for x in page})
    rows = [
        [x.get_plot_kind_display(), x.get_cemetery_kind_display() or "全部", names.get(x.division_code, x.division_code),
         f"{x.max_area_m2} 平方米", x.effective_from, x.valid_to or "—", x.source_note]
        for x in page
    ]  # fmt: skip
    return table_page(
        request, title="墓位面积上限", trail=crumbs(("公墓", reverse("funeral:cemetery_list")), ("墓位面积上限", None)),
        page_obj=page, headers=["墓位类型", "公墓类型", "适用区划", "上限", "生效日期", "失效日期", "依据"], rows=rows,
        intro="新建墓区时按公墓所在地最具体区划的有效上限校验；各省可规定更严的上限。",
    )  # fmt: skip
