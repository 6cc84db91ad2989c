"""老年人能力评估 pages: list (level, due for reassessment), the 26-item form, a record."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.permissions import Capability, require
from minzheng.web.kit.forms import error_lines

from .. import forms as f
from ..rules.assessment import ITEMS, LEVEL_LABELS, PARTS, score_assessment, validate_scores
from ..selectors import assessments as sel
from ..services import assessments as svc
from .common import (
    Cell,
    Section,
    can_manage,
    crumbs,
    detail_page,
    form_page,
    masked,
    paginate,
    resolve_person,
    run_service,
    search,
    table_page,
)

LIST = ("能力评估", "eldercare:assessment_list")


class AssessmentFilterForm(forms.Form):
    q = forms.CharField(label="姓名", required=False)
    division_code = forms.CharField(label="区划", required=False)
    level = forms.ChoiceField(
        label="能力等级",
        required=False,
        choices=[("", "全部"), *[(str(int(k)), v) for k, v in LEVEL_LABELS.items()]],
    )
    due_only = forms.BooleanField(label="仅显示应复评", required=False)
    old_coma_rule = forms.BooleanField(label="仅显示按旧昏迷规则评定、需复核的", required=False)


def assessment_list(request):
    ff, _ = search(request, AssessmentFilterForm)
    filters = sel.AssessmentFilter(
        **{
            k: v or ("" if k not in ("due_only", "old_coma_rule") else False)
            for k, v in ff.cleaned_data.items()
        }
    )
    page = paginate(request, sel.assessment_list(request.user, filters))
    rows = [
        [
            Cell(a.person.name, reverse("eldercare:assessment_detail", args=[a.pk])),
            masked(a.person),
            a.assessed_on,
            a.get_reason_display(),
            a.total_score,
            Cell(a.get_level_display(), tag=_colour(a.level)),
            a.next_due_on,
        ]
        for a in page
    ]
    toolbar = [("新增评估", reverse("eldercare:assessment_create"))] if can_manage(request.user) else []
    return table_page(
        request,
        title="老年人能力评估",
        trail=crumbs((LIST[0], None)),
        page_obj=page,
        headers=["姓名", "证件号码", "评估日期", "评估原因", "总分", "能力等级", "下次定期评估"],
        rows=rows,
        filter_form=ff,
        toolbar=toolbar,
        intro="依据 GB/T 42195-2022《老年人能力评估规范》：26项、四个一级指标，总分90分。",
    )


def _colour(level: int) -> str:
    return ["green", "green", "orange", "red", "red"][level]


def assessment_create(request):
    require(request.user, Capability.MANAGE_ELDERCARE)
    form = f.AssessmentHeaderForm(request.POST or None, user=request.user)
    scores = {}
    if request.method == "POST":
        scores = _posted_scores(request)
        extras = f.AssessmentExtrasForm(request.POST)
        if not extras.is_valid():
            for line in error_lines(extras):
                form.add_error(None, line)
        elif form.is_valid():
            person = resolve_person(request, form)
            if person is not None:
                d = form.cleaned_data
                row = run_service(
                    form,
                    lambda: svc.record_assessment(
                        request.user,
                        person=person,
                        assessed_on=d["assessed_on"],
                        reason=d["reason"],
                        assessors=d["assessors"],
                        agency=d["agency"],
                        scores=scores,
                        **extras.c4_inputs(),
                    ),
                )
                if row:
                    messages.success(request, f"评估完成：{row.total_score}分，{row.get_level_display()}")
                    return redirect("eldercare:assessment_detail", pk=row.pk)
    parts = [
        (part, [(item, scores.get(item.code)) for item in ITEMS if item.part == part.code]) for part in PARTS
    ]
    back = reverse(LIST[1])
    return form_page(
        request,
        title="老年人能力评估",
        trail=crumbs((LIST[0], back), ("新增评估", None)),
        form=form,
        cancel_url=back,
        submit="计算并保存",
        template="eldercare/assessment_form.html",
        parts=parts,
    )


def _level_note(a) -> str:
    """How the level arose (附录C C.4); assessments recorded before C.4 was applied keep their own note."""
    if a.level_by_coma:
        return (
            "处于昏迷状态，直接评定为能力完全丧失"
            if a.coma
            else "意识水平评为昏迷，直接评定为能力完全丧失（旧规则）"
        )
    if a.upgrade_reasons:
        return f"按总分为{a.get_base_level_display()}，因{'、'.join(a.upgrade_reasons)}提高一级"
    return ""


def _posted_scores(request) -> dict[str, int]:
    """The ticked score of each item; an item left blank or not a number is missing, and ``validate_scores``
    names it (B.1.3 洗澡：请选择评分)."""
    return f.AssessmentScoresForm(request.POST).scores()


def assessment_preview(request):
    """htmx: part scores, total and level as the assessor ticks the items (nothing is saved)."""
    scores = _posted_scores(request)
    problems = validate_scores(scores)
    context = {"missing": len([code for code, _ in problems]), "parts": []}
    extras = f.AssessmentExtrasForm(request.POST)
    if not problems and extras.is_valid():
        c4 = extras.c4_inputs()
        result = score_assessment(
            scores, coma=c4["coma"], diagnoses=c4["diagnosis_codes"],
            care_risk_events_30d=c4["care_risk_events_30d"],
        )  # fmt: skip
        context |= {"result": result, "parts": [(part, result.part_scores[part.code]) for part in PARTS]}
    return render(request, "eldercare/partials/assessment_preview.html", context)


def assessment_detail(request, pk: int):
    a = sel.assessment_detail(request.user, pk)
    fields = [
        ("姓名", a.person.name),
        ("证件号码", masked(a.person)),
        ("评估日期", a.assessed_on),
        ("评估原因", a.get_reason_display()),
        ("评估员", a.assessors),
        ("评估机构", a.agency),
        ("自理能力", f"{a.self_care_score} / 32"),
        ("基础运动能力", f"{a.motor_score} / 15"),
        ("精神状态", f"{a.mental_score} / 28"),
        ("感知觉与社会参与", f"{a.perception_score} / 15"),
        ("总分", f"{a.total_score} / 90"),
        ("下次定期评估", a.next_due_on),
        ("说明", _level_note(a)),
    ]
    labels = {item.code: dict(item.options) for item in ITEMS}
    items = Section(
        "各项评分",
        ["编号", "项目", "得分", "情况"],
        [[i.code, i.name, a.scores.get(i.code), labels[i.code].get(a.scores.get(i.code), "")] for i in ITEMS],
    )
    history = Section(
        "历次评估",
        ["评估日期", "总分", "能力等级", ""],
        [
            [
                h.assessed_on,
                h.total_score,
                h.get_level_display(),
                Cell("查看", reverse("eldercare:assessment_detail", args=[h.pk])),
            ]
            for h in sel.assessments_of_person(request.user, a.person_id)
        ],
    )
    return detail_page(
        request,
        title=f"能力评估：{a.person.name}",
        trail=crumbs((LIST[0], reverse(LIST[1])), (a.person.name, None)),
        fields=fields,
        sections=[items, history],
        status=Cell(a.get_level_display(), tag=_colour(a.level)),
    )
