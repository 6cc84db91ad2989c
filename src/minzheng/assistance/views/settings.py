"""项目设置: each program's local configuration versions (eligibility, materials, deciding level) and the
form that adds a version or a local program."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render

from minzheng.core.errors import MinzhengError
from minzheng.core.permissions import Capability, has_capability, require

from ..models import BenefitFormula, DecidingLevel, ProgramCategory, StandardKind
from ..selectors.program_settings import setting_list
from ..selectors.programs import program_list
from ..services.program_settings import create_local_program, parse_criteria, set_program_setting
from .common import page_context


def setting_list_page(request):
    errors = {}
    if request.method == "POST":
        require(request.user, Capability.MANAGE_POLICY)
        post = request.POST
        try:
            if post.get("form") == "program":
                months = post.get("review_cycle_months", "").strip()
                program = create_local_program(
                    request.user, code=post.get("code", ""), name=post.get("name", ""), category=post.get("category", ""),
                    benefit_formula=post.get("benefit_formula", ""), base_standard=post.get("base_standard", ""),
                    division_code=post.get("division_code", "") or request.user.division_code,
                    review_cycle_months=int(months) if months.isdigit() else None,
                    deciding_level=post.get("deciding_level") or DecidingLevel.COUNTY, policy_basis=post.get("policy_basis", ""),
                )  # fmt: skip
                messages.success(request, f"已新增地方项目 {program.name}")
            else:
                set_program_setting(
                    request.user, program_code=post.get("program_code", ""),
                    division_code=post.get("division_code", "") or request.user.division_code,
                    effective_from=date.fromisoformat(post.get("effective_from", "")),
                    enabled=post.get("enabled") == "1", deciding_level=post.get("deciding_level", ""),
                    criteria=parse_criteria(post.get("criteria", "")), materials=post.get("materials", "").splitlines(),
                    source_note=post.get("source_note", ""),
                )  # fmt: skip
                messages.success(request, "已保存项目地方设置")
            return redirect("assistance:setting_list")
        except ValueError:
            errors["effective_from"] = "生效日期格式应为 2026-01-31"
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
