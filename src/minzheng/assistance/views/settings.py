"""项目设置: each program's local configuration versions (eligibility, materials, deciding level) and the
form that adds a version or a local program."""

from django.contrib import messages
from django.shortcuts import redirect, render

from minzheng.core.errors import MinzhengError
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.web.kit.forms import pressed

from ..models import BenefitFormula, DecidingLevel, ProgramCategory, StandardKind
from ..page_forms import LocalProgramForm, ProgramSettingForm
from ..selectors.program_settings import setting_list
from ..selectors.programs import program_list
from ..services.program_settings import create_local_program, parse_criteria, set_program_setting
from .common import page_context


def setting_list_page(request):
    errors = {}
    if request.method == "POST":
        require(request.user, Capability.MANAGE_POLICY)
        # One page, two forms: the 新增地方项目 form says so in a hidden ``form`` field.
        adds_program = pressed(request, "program", name="form")
        form = (LocalProgramForm if adds_program else ProgramSettingForm)(request.POST)
        try:
            if not form.is_valid():
                errors.update({name: found[0] for name, found in form.errors.items()})
            elif adds_program:
                program = _add_program(request.user, form.cleaned_data)
                messages.success(request, f"已新增地方项目 {program.name}")
                return redirect("assistance:setting_list")
            else:
                _set_program(request.user, form.cleaned_data)
                messages.success(request, "已保存项目地方设置")
                return redirect("assistance:setting_list")
        except MinzhengError as exc:
            errors[exc.field or "form"] = exc.message
    return render(
        request,
        "assistance/setting_list.html",
        {
            **page_context("settings", "救助项目地方设置"),
            "settings": setting_list(request.user),
            "programs": program_list(request.user),
            "errors": errors,
            "values": request.POST if request.method == "POST" else {},
            "deciding_levels": DecidingLevel.choices,
            "categories": ProgramCategory.choices,
            "formulas": BenefitFormula.choices,
            "standard_kinds": StandardKind.choices,
            "can_manage": has_capability(request.user, Capability.MANAGE_POLICY),
            "division_value": request.user.division_code,
        },
    )


def _add_program(user, typed: dict):
    return create_local_program(
        user, code=typed["code"], name=typed["name"], category=typed["category"],
        benefit_formula=typed["benefit_formula"], base_standard=typed["base_standard"],
        division_code=typed["division_code"] or user.division_code, review_cycle_months=typed["review_cycle_months"],
        deciding_level=typed["deciding_level"] or DecidingLevel.COUNTY, policy_basis=typed["policy_basis"],
    )  # fmt: skip


def _set_program(user, typed: dict):
    return set_program_setting(
        user, program_code=typed["program_code"], division_code=typed["division_code"] or user.division_code,
        effective_from=typed["effective_from"], enabled=typed["enabled"], deciding_level=typed["deciding_level"],
        criteria=parse_criteria(typed["criteria"]), materials=typed["materials"].splitlines(),
        source_note=typed["source_note"],
    )  # fmt: skip
