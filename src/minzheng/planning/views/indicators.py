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
from minzheng.core.views.common import paginate, xlsx_response
from minzheng.web.kit.forms import act_then_redirect, flash_errors

from .. import selectors, services
from ..figures import sources
from ..forms import BindingForm, DefinitionForm, EntryForm, EntryReviewForm, StatusRuleForm
from ..models import Aggregation, Comparison, Direction, EntryStatus, PeriodType, SourceKind, ValueType
from ..periods import Period

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


def _definition_input(data: dict) -> services.DefinitionInput:
    return services.DefinitionInput(
        **{name: data[name] for name in _DEFINITION_TEXT},
        factor=data["factor"] or 1,
        decimals=data["decimals"] or 0,
        value_type=data["value_type"] or ValueType.DECIMAL,
        min_value=data["min_value"],
        max_value=data["max_value"],
        change_comment_percent=data["change_comment_percent"],
    )


_DEFINITION_TEXT = (
    "code", "name", "unit", "period_type", "source_kind", "source_code", "expression", "numerator_label",
    "denominator_label", "aggregation", "direction", "definition",
)  # fmt: skip


def _submit(request, form, call):
    """Run ``call(cleaned_data)`` on a valid form; errors (the form's, named by field, or the service's) as
    messages. Returns the service's result, or None."""
    if not form.is_valid():
        flash_errors(request, form)
        return None
    try:
        return call(form.cleaned_data)
    except MinzhengError as exc:
        messages.error(request, exc.message)
        return None


def indicator_edit(request, pk: int | None = None):
    require(request.user, Capability.MANAGE_PLANS)
    definition = selectors.indicator_definition(pk) if pk else None
    if request.method == "POST":
        saved = _submit(
            request,
            DefinitionForm(request.POST),
            lambda d: services.save_definition(request.user, _definition_input(d), definition),
        )
        if saved is not None:
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
        saved = _submit(
            request,
            BindingForm(request.POST),
            lambda d: (
                services.update_binding(
                    request.user,
                    row,
                    definition=selectors.indicator_definition(d["definition"] or 0),
                    target_comparison=d["target_comparison"],
                    target_value=d["target_value"],
                    target_year=d["target_year"] or row.plan.period_end,
                    baseline_value=d["baseline_value"],
                    baseline_year=d["baseline_year"],
                    note=d["note"],
                )
                or True
            ),
        )
        if saved is not None:
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
        entry = _submit(
            request,
            EntryForm(request.POST),
            lambda d: services.submit_entry(
                request.user,
                selectors.indicator_definition(d["definition"] or 0),
                division_code=d["division"] or request.user.division_code,
                period_key=d["period"].upper(),
                value=d["value"],
                numerator=d["numerator"],
                denominator=d["denominator"],
                comment=d["comment"],
            ),
        )
        if entry is not None:
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
            EntryReviewForm(request.POST),
            lambda d: services.review_entry(
                request.user, entry, approve=d["decision"] == "approve", note=d["note"]
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
        return act_then_redirect(
            request,
            StatusRuleForm(request.POST),
            lambda d: services.add_status_rule(
                request.user,
                division_code=d["division"] or request.user.division_code,
                effective_from=d["effective_from"] or date.today(),
                normal_ratio=d["normal_ratio"] or 0,
                lagging_ratio=d["lagging_ratio"] or 0,
                use_projection=d["use_projection"],
                binding_escalates=d["binding_escalates"],
                note=d["note"],
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
