"""预警规则 pages (versions per division, switch on/off, trial against last month) and 监测批次."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from minzheng.core.errors import MinzhengError
from minzheng.core.selectors.divisions import names_of
from minzheng.core.views.common import paginate, parse_date

from .. import selectors
from ..models import MonitoringRun
from ..rule_catalogue import RULE_KINDS, SEVERITIES
from ..services import risk_rules, runs
from .common import page


def rule_list(request):
    rules = list(selectors.rule_list(request.user, request.GET.get("code", "")))
    return render(
        request,
        "monitoring/rule_list.html",
        page(
            request,
            "预警规则",
            "monitoring:rule_list",
            rules=rules,
            kinds=RULE_KINDS,
            code=request.GET.get("code", ""),
            today=timezone.localdate(),
            division_names=names_of({r.division_code for r in rules}),
        ),
    )


def rule_create(request):
    base = selectors.rule_detail(request.user, int(request.GET["from"])) if request.GET.get("from") else None
    code = request.POST.get("code") or (base.code if base else request.GET.get("code", "medical_expense"))
    if request.method == "POST":
        kind = RULE_KINDS.get(code)
        try:
            rule = risk_rules.save_rule_version(
                request.user,
                code=code,
                division_code=request.POST.get("division_code", ""),
                valid_from=parse_date(request.POST.get("valid_from")),
                enabled=request.POST.get("enabled") == "1",
                severity=request.POST.get("severity", ""),
                parameters={
                    p.column: request.POST.get(p.column, "") for p in (kind.parameters if kind else ())
                },
                verify_days=int(request.POST.get("verify_days") or 0),
                note=request.POST.get("note", ""),
            )
        except (MinzhengError, ValueError) as exc:
            messages.error(request, getattr(exc, "message", "核实时限应为整数"))
        else:
            messages.success(
                request, f"已保存规则版本：{rule.get_code_display()}，自{rule.valid_from:%Y-%m-%d}起"
            )
            return redirect(f"{_rule_list_url()}?code={rule.code}")
    kind = RULE_KINDS.get(code) or RULE_KINDS["medical_expense"]
    values = dict(kind.defaults, **(base.parameters if base else {}), **request.POST.dict())
    return render(
        request,
        "monitoring/rule_form.html",
        page(
            request,
            "新增规则版本",
            "monitoring:rule_list",
            kind=kind,
            kinds=RULE_KINDS.values(),
            base=base,
            values=values,
            severities=SEVERITIES,
            division_value=request.POST.get("division_code")
            or (base.division_code if base else request.user.division_code),
            severity=request.POST.get("severity") or (base.severity if base else kind.severity),
            verify_days=request.POST.get("verify_days") or (base.verify_days if base else kind.verify_days),
            valid_from=request.POST.get("valid_from") or timezone.localdate().isoformat(),
        ),
    )


def _rule_list_url() -> str:
    from django.urls import reverse

    return reverse("monitoring:rule_list")


@require_POST
def rule_switch(request, pk: int):
    rule = selectors.rule_detail(request.user, pk)
    try:
        new = risk_rules.switch_rule(
            request.user, rule, enabled=request.POST.get("enabled") == "1", on=timezone.localdate()
        )
    except MinzhengError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, f"{new.get_code_display()}已{'启用' if new.enabled else '停用'}（自今日起）"
        )
    return redirect(f"{_rule_list_url()}?code={rule.code}")


@require_POST
def rule_trial(request, pk: int):
    rule = selectors.rule_detail(request.user, pk)
    try:
        trial = runs.trial_run(request.user, rule)
    except MinzhengError as exc:
        messages.error(request, exc.message)
        return redirect(f"{_rule_list_url()}?code={rule.code}")
    return render(
        request,
        "monitoring/rule_trial.html",
        page(request, "规则试算", "monitoring:rule_list", rule=rule, run=trial.run, samples=trial.samples),
    )


def run_list(request):
    return render(
        request,
        "monitoring/run_list.html",
        page(
            request,
            "监测批次",
            "monitoring:run_list",
            page_obj=paginate(request, selectors.run_list(request.user)),
            engines=MonitoringRun.ENGINES,
            today=timezone.localdate(),
        ),
    )


@require_POST
def run_start(request):
    try:
        run = runs.run_day(
            request.user,
            until=parse_date(request.POST.get("until")) or timezone.localdate(),
            engine=request.POST.get("engine", "duckdb"),
            full=request.POST.get("full") == "1",
        )
    except MinzhengError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"监测批次 {run.pk} 完成：命中 {run.found} 条，新增预警 {run.created} 条")
    return redirect("monitoring:run_list")
