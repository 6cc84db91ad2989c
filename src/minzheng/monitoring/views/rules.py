"""预警规则 pages (versions per division, switch on/off, trial against last month) and 监测批次."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from minzheng.core.errors import MinzhengError
from minzheng.core.selectors.divisions import names_of
from minzheng.core.views.common import paginate
from minzheng.web.kit.forms import act_then_redirect, flash_errors, run_service, ticked

from .. import selectors
from ..forms import RuleSwitchForm, RuleVersionForm, RunForm
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
    typed = request.POST if request.method == "POST" else {}
    # The rule kind decides which parameter fields the form has, so it is read before the form is built.
    posted_code = ticked(typed, "code")[-1:] if typed else []
    code = "".join(posted_code) or (base.code if base else request.GET.get("code", "medical_expense"))
    form = RuleVersionForm(typed if request.method == "POST" else None, kind=RULE_KINDS.get(code))
    if form.is_bound and form.is_valid():
        rule = run_service(form, lambda: _save_rule(request.user, form))
        if rule is not None:
            messages.success(
                request, f"已保存规则版本：{rule.get_code_display()}，自{rule.valid_from:%Y-%m-%d}起"
            )
            return redirect(f"{_rule_list_url()}?code={rule.code}")
    if form.is_bound:
        flash_errors(request, form)
    kind = RULE_KINDS.get(code) or RULE_KINDS["medical_expense"]
    values = dict(kind.defaults, **(base.parameters if base else {}), **(typed.dict() if typed else {}))
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
            division_value=typed.get("division_code")
            or (base.division_code if base else request.user.division_code),
            severity=typed.get("severity") or (base.severity if base else kind.severity),
            verify_days=typed.get("verify_days") or (base.verify_days if base else kind.verify_days),
            valid_from=typed.get("valid_from") or timezone.localdate().isoformat(),
        ),
    )


def _save_rule(user, form: RuleVersionForm):
    data, kind = form.cleaned_data, RULE_KINDS[form.cleaned_data["code"]]
    return risk_rules.save_rule_version(
        user,
        code=data["code"],
        division_code=data["division_code"],
        valid_from=data["valid_from"],
        enabled=data["enabled"],
        severity=data["severity"],
        parameters=form.parameters(kind),
        verify_days=data["verify_days"] or 0,
        note=data["note"],
    )


def _rule_list_url() -> str:
    return reverse("monitoring:rule_list")


@require_POST
def rule_switch(request, pk: int):
    rule = selectors.rule_detail(request.user, pk)
    return act_then_redirect(
        request,
        RuleSwitchForm(request.POST),
        lambda d: risk_rules.switch_rule(request.user, rule, enabled=d["enabled"], on=timezone.localdate()),
        lambda new: f"{new.get_code_display()}已{'启用' if new.enabled else '停用'}（自今日起）",
        f"{_rule_list_url()}?code={rule.code}",
    )


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
    return act_then_redirect(
        request,
        RunForm(request.POST),
        lambda d: runs.run_day(
            request.user,
            until=d["until"] or timezone.localdate(),
            engine=d["engine"] or "duckdb",
            full=d["full"],
        ),
        lambda run: f"监测批次 {run.pk} 完成：命中 {run.found} 条，新增预警 {run.created} 条",
        reverse("monitoring:run_list"),
    )
