"""指标 pages: definitions (list, new, edit, sync with the domains' sources), plan-row bindings, 指标填报 with
maker-checker review, and the monitoring status rules."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.errors import MinzhengError
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.core.views.common import paginate, parse_date, xlsx_response

from .. import selectors, services
from ..figures import sources
from ..models import Aggregation, Comparison, Direction, EntryStatus, PeriodType, SourceKind, ValueType
from ..periods import Period
from .forms import act_then_redirect, decimal_field, int_field

NAV = {"active_nav": "planning"}


def _crumbs(*tail):
    return [("规划监测", reverse("planning:plan_list")), *tail]


def indicator_list(request):
    if request.method == "POST":
        require(request.user, Capability.MANAGE_PLANS)
        result = services.sync_indicators(request.user)
        messages.success(
            request,
            f"已同步：新建指标定义{result.definitions_created}个，新绑定规划指标{result.bindings_created}个，"
            f"改为业务数据计算{result.bindings_moved_to_sources}个",
        )
        return redirect("planning:indicator_list")
    q, kind = request.GET.get("q", "").strip(), request.GET.get("kind", "")
    return render(
        request,
        "planning/indicator_list.html",
        {
            **NAV,
            "page_obj": paginate(request, selectors.indicator_definitions(q, kind), per_page=50),
            "q": q,
            "kind": kind,
            "kinds": SourceKind.choices,
            "installed": sources(),
            "can_manage": has_capability(request.user, Capability.MANAGE_PLANS),
            "page_title": "指标定义",
            "breadcrumbs": _crumbs(("指标定义", None)),
        },
    )


def _definition_input(post) -> services.DefinitionInput:
    return services.DefinitionInput(
        code=post.get("code", "").strip(),
        name=post.get("name", "").strip(),
        unit=post.get("unit", "").strip(),
        period_type=post.get("period_type", ""),
        source_kind=post.get("source_kind", ""),
        source_code=post.get("source_code", "").strip(),
        expression=post.get("expression", "").strip(),
        numerator_label=post.get("numerator_label", "").strip(),
        denominator_label=post.get("denominator_label", "").strip(),
        factor=decimal_field(post, "factor", "系数") or 1,
        aggregation=post.get("aggregation", ""),
        direction=post.get("direction", ""),
        decimals=int_field(post, "decimals", "小数位") or 0,
        value_type=post.get("value_type", ValueType.DECIMAL),
        min_value=decimal_field(post, "min_value", "最小值"),
        max_value=decimal_field(post, "max_value", "最大值"),
        change_comment_percent=decimal_field(post, "change_comment_percent", "需说明的变动幅度"),
        definition=post.get("definition", "").strip(),
    )


def indicator_edit(request, pk: int | None = None):
    require(request.user, Capability.MANAGE_PLANS)
    definition = selectors.indicator_definition(pk) if pk else None
    if request.method == "POST":
        try:
            saved = services.save_definition(request.user, _definition_input(request.POST), definition)
        except MinzhengError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已保存指标定义：{saved.name}")
            return redirect("planning:indicator_list")
    return render(
        request,
        "planning/indicator_edit.html",
        {
            **NAV,
            "definition": definition,
            "data": request.POST if request.method == "POST" else None,
            "period_types": PeriodType.choices,
            "source_kinds": SourceKind.choices,
            "aggregations": Aggregation.choices,
            "directions": Direction.choices,
            "value_types": ValueType.choices,
            "installed": sorted(sources().values(), key=lambda s: s.code),
            "page_title": "编辑指标定义" if definition else "新增指标定义",
            "breadcrumbs": _crumbs(("指标定义", reverse("planning:indicator_list")), ("编辑", None)),
        },
    )


def binding_edit(request, pk: int):
    """规划指标绑定: which definition a plan row is monitored by, with its target and baseline."""
    require(request.user, Capability.MANAGE_PLANS)
    row = selectors.editable_indicator_row(request.user, pk)
    if request.method == "POST":
        try:
            definition = selectors.indicator_definition(
                int_field(request.POST, "definition", "指标定义") or 0
            )
            services.update_binding(
                request.user,
                row,
                definition=definition,
                target_comparison=request.POST.get("target_comparison", ""),
                target_value=decimal_field(request.POST, "target_value", "目标数值"),
                target_year=int_field(request.POST, "target_year", "目标年份") or row.plan.period_end,
                baseline_value=decimal_field(request.POST, "baseline_value", "基期值"),
                baseline_year=int_field(request.POST, "baseline_year", "基期年份"),
                note=request.POST.get("note", ""),
            )
        except MinzhengError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已保存“{row.name}”的指标绑定")
            return redirect(f"{reverse('planning:plan_detail', args=[row.plan_id])}?tab=indicators")
    return render(
        request,
        "planning/binding_edit.html",
        {
            **NAV,
            "row": row,
            "binding": getattr(row, "binding", None),
            "definitions": selectors.indicator_definitions(),
            "comparisons": Comparison.choices,
            "page_title": "指标绑定",
            "breadcrumbs": _crumbs(
                (row.plan.title, reverse("planning:plan_detail", args=[row.plan_id])), ("指标绑定", None)
            ),
        },
    )


def entry_list(request):
    """指标填报 list and 待审核 queue (scoped to the jurisdiction)."""
    filters = selectors.EntryFilter(
        definition=request.GET.get("definition", ""),
        division=request.GET.get("division", "").strip(),
        period=request.GET.get("period", "").strip().upper(),
        status=request.GET.get("status", ""),
    )
    entries = selectors.entry_list(request.user, filters)
    if request.GET.get("export") == "xlsx":
        return _export_entries(request, entries)
    page = paginate(request, entries)
    return render(
        request,
        "planning/entry_list.html",
        {
            **NAV,
            "page_obj": page,
            "filters": filters,
            "definitions": selectors.entered_definitions(),
            "statuses": EntryStatus.choices,
            "division_names": names_of({e.division_code for e in page}),
            "can_enter": has_capability(request.user, Capability.ENTER_INDICATORS),
            "can_review": has_capability(request.user, Capability.APPROVE_INDICATORS),
            "page_title": "指标填报",
            "breadcrumbs": _crumbs(("指标填报", None)),
        },
    )


def entry_create(request):
    require(request.user, Capability.ENTER_INDICATORS)
    definitions = selectors.entered_definitions()
    if request.method == "POST":
        try:
            definition = selectors.indicator_definition(int_field(request.POST, "definition", "指标") or 0)
            entry = services.submit_entry(
                request.user,
                definition,
                division_code=request.POST.get("division", "").strip() or request.user.division_code,
                period_key=request.POST.get("period", "").strip().upper(),
                value=decimal_field(request.POST, "value", "数值"),
                numerator=decimal_field(request.POST, "numerator", "分子"),
                denominator=decimal_field(request.POST, "denominator", "分母"),
                comment=request.POST.get("comment", ""),
            )
        except MinzhengError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已提交 {entry.definition.name} {entry.period}，等待审核")
            return redirect(f"{reverse('planning:entry_list')}?status=submitted")
    return render(
        request,
        "planning/entry_create.html",
        {
            **NAV,
            "definitions": definitions,
            "data": request.POST if request.method == "POST" else {},
            "default_period": str(date.today().year - 1),
            "page_title": "填报指标数据",
            "breadcrumbs": _crumbs(("指标填报", reverse("planning:entry_list")), ("填报", None)),
        },
    )


def entry_review(request, pk: int):
    entry = selectors.entry_detail(request.user, pk)
    if request.method == "POST":
        return act_then_redirect(
            request,
            lambda: services.review_entry(
                request.user,
                entry,
                approve=request.POST.get("decision") == "approve",
                note=request.POST.get("note", ""),
            ),
            "已审核",
            reverse("planning:entry_review", args=[entry.pk]),
        )
    return render(
        request,
        "planning/entry_review.html",
        {
            **NAV,
            "entry": entry,
            "period": Period.parse(entry.period),
            "division_name": names_of({entry.division_code}).get(entry.division_code, entry.division_code),
            "can_review": has_capability(request.user, Capability.APPROVE_INDICATORS)
            and entry.entered_by_id != request.user.pk
            and entry.status == EntryStatus.SUBMITTED,
            "page_title": "填报详情",
            "breadcrumbs": _crumbs(("指标填报", reverse("planning:entry_list")), ("详情", None)),
        },
    )


def status_rules(request):
    """监测状态规则: the dated thresholds in force, and a new version."""
    if request.method == "POST":
        post = request.POST
        return act_then_redirect(
            request,
            lambda: services.add_status_rule(
                request.user,
                division_code=post.get("division", "").strip() or request.user.division_code,
                effective_from=parse_date(post.get("effective_from")) or date.today(),
                normal_ratio=decimal_field(post, "normal_ratio", "进度正常比例") or 0,
                lagging_ratio=decimal_field(post, "lagging_ratio", "滞后比例") or 0,
                use_projection=post.get("use_projection") == "1",
                binding_escalates=post.get("binding_escalates") == "1",
                note=post.get("note", ""),
            ),
            "已新增监测状态规则",
            reverse("planning:status_rules"),
        )
    rules = list(selectors.status_rules(request.user))
    return render(
        request,
        "planning/status_rules.html",
        {
            **NAV,
            "rules": rules,
            "division_names": names_of({r.division_code for r in rules}),
            "can_manage": has_capability(request.user, Capability.MANAGE_PLANS),
            "page_title": "监测状态规则",
            "breadcrumbs": _crumbs(("监测状态规则", None)),
        },
    )


def _export_entries(request, entries):
    """指标填报 as .xlsx: every version in the filter (scoped), with who entered and who checked it."""
    require(request.user, Capability.EXPORT)
    rows = list(entries[:50_000])
    names = names_of({e.division_code for e in rows})
    content = write_workbook([
        Sheet(
            "指标填报",
            ["指标编码", "指标名称", "单位", "区划代码", "区划", "期别", "数值", "分子", "分母", "填报说明", "填报人",
             "填报时间", "状态", "审核人", "审核时间", "审核意见"],
            ([e.definition.code, e.definition.name, e.definition.unit, e.division_code, names.get(e.division_code, ""),
              e.period, float(e.value), _float(e.numerator), _float(e.denominator), e.comment,
              e.entered_by.display_name, e.entered_at.strftime("%Y-%m-%d %H:%M"),
              e.get_status_display(), e.reviewed_by.display_name if e.reviewed_by else "",
              e.reviewed_at.strftime("%Y-%m-%d %H:%M") if e.reviewed_at else "", e.review_note] for e in rows),
            column_widths=(30, 36, 8, 14, 12, 8, 12, 12, 12, 30),
            text_columns=(3,),
        )
    ])  # fmt: skip
    record_event(
        request.user, AuditEvent.EXPORT, object_type="indicator_entry",
        division_code=request.user.division_code, summary=f"导出指标填报 {len(rows)} 条",
    )  # fmt: skip
    return xlsx_response(content, "指标填报")


def _float(value):
    return None if value is None else float(value)
