"""行政区划变更 pages: the changes touching the jurisdiction with their clocks, one change, recording a change,
and a division's lineage (supersedes / superseded_by, Who's On First style)."""

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.division_history import code_publication_due, implementation_due
from minzheng.core.jurisdiction import InvalidDivisionCode, division_prefix, full_code
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.division_history import historical_name, resolve_code
from minzheng.core.services.division_changes import Link
from minzheng.web.kit.forms import act_then_redirect, run_service, submitted

from .. import forms as f
from ..errors import InvalidPlacenameInput
from ..selectors import divisions as sel
from ..services import divisions as svc
from ..services.parameters import clocks
from .common import (
    Action,
    Cell,
    Section,
    can_approve,
    crumbs,
    detail_page,
    due_cell,
    form_page,
    paginate,
    table_page,
)

CHANGES = ("行政区划变更", "placenames:change_list")


def _lineage_link(code: str) -> str:
    return reverse("placenames:lineage", args=[division_prefix(code) or "0"])


def _links_text(change) -> str:
    return "；".join(
        f"{x.predecessor_name}（{division_prefix(x.predecessor_code)}）→ "
        + (f"{x.successor_name}（{division_prefix(x.successor_code)}）" if x.successor_code else "撤销")
        for x in change.links.all()
    )


def _clock_cells(change, today):
    c = clocks(change.division_code or "000000000000", change.approved_on)
    impl = implementation_due(
        change.approved_on, c.implementation_months, c.extension_months, change.extension_granted
    )
    code = code_publication_due(change.approved_on, c.code_publication_months)
    return (
        due_cell(impl, today, done=bool(change.implemented_on))
        if not change.implemented_on
        else Cell(change.implemented_on),
        due_cell(code, today, done=bool(change.code_published_on))
        if not change.code_published_on
        else Cell(change.code_published_on),
    )


def change_list(request):
    today = date.today()
    page = paginate(request, sel.change_list(request.user))
    rows = []
    for ch in page:
        impl, code = _clock_cells(ch, today)
        rows.append(
            [
                Cell(ch.title, reverse("placenames:change_detail", args=[ch.pk])),
                ch.get_kind_display(),
                _links_text(ch),
                ch.approved_on.year if ch.date_is_approximate else ch.approved_on,
                ch.effective_on.year if ch.date_is_approximate else ch.effective_on,
                impl,
                code,
            ]
        )
    toolbar = [("记录区划变更", reverse("placenames:change_create"))] if can_approve(request.user) else []
    toolbar.append(("东港市区划沿革", reverse("placenames:lineage", args=["210681"])))
    return table_page(
        request,
        title="行政区划变更",
        trail=crumbs((CHANGES[0], None)),
        page_obj=page,
        toolbar=toolbar,
        headers=[
            "事项",
            "类型",
            "原区划 → 新区划",
            "批准日期",
            "生效日期",
            "实施（12个月，延期+6）",
            "代码公布（1个月）",
        ],
        rows=rows,
        intro="区划变更作为事件记录，不覆盖原区划：原区划代码的记录自生效日起按承继关系解析到新区划（历史记录保持原代码）。"
        "《行政区划管理条例》第十五条：批准之日起12个月内实施完毕，经批准可延期不超过6个月；第十七条：1个月内确定并公布新的区划代码。",
    )


def change_detail(request, pk: int):
    ch = sel.change_detail(request.user, pk)
    impl, code = _clock_cells(ch, date.today())
    fields = [
        ("变更类型", ch.get_kind_display()),
        ("批准机关", ch.approved_by),
        ("批准文件", ch.approval_document),
        ("批准日期", f"{ch.approved_on.year}年（仅知年份）" if ch.date_is_approximate else ch.approved_on),
        ("生效日期", f"{ch.effective_on.year}年（仅知年份）" if ch.date_is_approximate else ch.effective_on),
        ("实施完成", impl),
        ("新区划代码公布", code),
        ("已批准延期", "是" if ch.extension_granted else "否"),
        ("资料来源", ch.source),
        ("说明", ch.note),
    ]
    rows = [
        [
            Cell(
                f"{x.predecessor_name}（{division_prefix(x.predecessor_code)}）",
                _lineage_link(x.predecessor_code),
            ),
            Cell(
                f"{x.successor_name}（{division_prefix(x.successor_code)}）", _lineage_link(x.successor_code)
            )
            if x.successor_code
            else "撤销",
        ]
        for x in ch.links.all()
    ]
    actions = []
    if can_approve(request.user) and not (ch.implemented_on and ch.code_published_on):
        actions.append(
            Action(
                "记录进度",
                f.ProgressForm(initial={"extension_granted": ch.extension_granted}),
                reverse("placenames:change_progress", args=[pk]),
                "保存",
            )
        )
    return detail_page(
        request,
        title=ch.title,
        trail=crumbs((CHANGES[0], reverse(CHANGES[1])), (ch.title, None)),
        fields=fields,
        sections=[Section("承继关系", ["原区划（被承继）", "新区划（承继）"], rows)],
        actions=actions,
    )


def change_progress(request, pk: int):
    ch = sel.change_detail(request.user, pk)
    return act_then_redirect(
        request,
        f.ProgressForm(request.POST),
        lambda d: svc.mark_progress(
            request.user,
            ch,
            implemented_on=d.get("implemented_on"),
            code_published_on=d.get("code_published_on"),
            extension_granted=bool(d.get("extension_granted")),
        ),
        "已保存",
        reverse("placenames:change_detail", args=[pk]),
    )


def _split(text: str) -> list[str]:
    return [x.strip() for x in (text or "").replace("，", ",").split(",") if x.strip()]


def change_create(request):
    require(request.user, Capability.APPROVE_PLACENAMES)
    form = submitted(request, f.ChangeForm, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data

        def call():
            old_codes, old_names = _split(d["predecessor_code"]), _split(d["predecessor_name"])
            new_codes, new_names = _split(d["successor_code"]), _split(d["successor_name"])
            if len(old_codes) != len(old_names) or len(new_codes) != len(new_names):
                raise InvalidPlacenameInput("区划代码和名称的个数应一一对应", field="predecessor_name")
            news = list(zip(new_codes, new_names, strict=True)) or [("", "")]
            links = [
                Link(oc, on, nc, nn) for oc, on in zip(old_codes, old_names, strict=True) for nc, nn in news
            ]
            return svc.record_change(
                request.user,
                kind=d["kind"],
                title=d["title"],
                approved_by=d["approved_by"],
                approval_document=d["approval_document"],
                approved_on=d["approved_on"],
                effective_on=d["effective_on"],
                source=d["source"],
                links=links,
            )

        change = run_service(form, call)
        if change:
            messages.success(request, "已记录区划变更")
            return redirect("placenames:change_detail", pk=change.pk)
    back = reverse(CHANGES[1])
    return form_page(
        request,
        title="记录行政区划变更",
        trail=crumbs((CHANGES[0], back), ("记录", None)),
        form=form,
        cancel_url=back,
        submit="保存",
    )


def lineage(request, code: str):
    """A division's lineage: every change reachable from its code, and what its code resolves to today."""
    try:
        full = full_code(division_prefix(code))
    except InvalidDivisionCode:
        from django.http import Http404

        raise Http404("区划代码不正确") from None
    steps = sel.lineage(request.user, full)
    today = date.today()
    now = resolve_code(full, today)
    current = "、".join(f"{historical_name(c)}（{division_prefix(c)}）" for c in now.codes) or "已撤销"
    fields = [
        ("区划", f"{historical_name(full)}（{division_prefix(full)}）"),
        ("今日对应的现行区划", Cell(current, tag="orange" if now.changed else "")),
        (
            "说明",
            "以该代码登记的历史记录保持原代码；按日期查询时自生效日起解析到承继区划。"
            + ("（拆分：无法唯一确定）" if now.ambiguous else ""),
        ),
    ]
    rows = []
    for step in steps:
        ch = step.change
        when = f"{ch.effective_on.year}年" if ch.date_is_approximate else str(ch.effective_on)
        for x in step.links:
            rows.append(
                [
                    when,
                    Cell(ch.title, reverse("placenames:change_detail", args=[ch.pk]))
                    if _visible(request.user, ch)
                    else ch.title,
                    ch.get_kind_display(),
                    Cell(
                        f"{x.predecessor_name}（{division_prefix(x.predecessor_code)}）",
                        _lineage_link(x.predecessor_code),
                    ),
                    Cell(
                        f"{x.successor_name}（{division_prefix(x.successor_code)}）",
                        _lineage_link(x.successor_code),
                    )
                    if x.successor_code
                    else "撤销",
                    ch.source,
                ]
            )
    return detail_page(
        request,
        title=f"区划沿革：{historical_name(full)}",
        trail=crumbs((CHANGES[0], reverse(CHANGES[1])), ("区划沿革", None)),
        fields=fields,
        sections=[
            Section(
                "沿革（按生效日期）",
                ["生效", "事项", "类型", "原区划", "新区划", "来源"],
                rows,
                empty="该区划没有记录在案的变更",
            )
        ],
        testid="lineage",
    )


def _visible(user, change) -> bool:
    try:
        sel.change_detail(user, change.pk)
    except Http404:  # outside the jurisdiction: shown without a link
        return False
    return True
