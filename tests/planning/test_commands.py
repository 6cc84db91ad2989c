"""import_plan and load_plans management commands."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from minzheng.planning.models import Plan, PlanDraftUpload

PLANS = Path(__file__).resolve().parents[2] / "data" / "plans"


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_dry_run_json_prints_the_draft_and_saves_nothing():
    data = json.loads(run("import_plan", str(PLANS / "dandong-city-plan.txt"), "--dry-run", "--json"))
    assert {"title", "outline", "indicators", "projects", "tasks"} <= set(data)
    assert data["title"] == "丹东市民政事业发展第十四个五年规划"
    assert len(data["indicators"]) == 20
    assert {"no", "name", "unit", "target", "attribute"} <= set(data["indicators"][17])
    assert data["indicators"][17]["target"] == "≥60"
    assert not Plan.objects.exists() and not PlanDraftUpload.objects.exists()


@pytest.mark.django_db
def test_dry_run_without_json_prints_a_summary_and_saves_nothing():
    out = run("import_plan", str(PLANS / "hunnan-district-plan.txt"), "--dry-run")
    assert "未保存" in out and "浑南区" in out
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_import_saves_links_to_the_nearest_higher_plan_and_is_idempotent(plan_divisions):
    run("import_plan", str(PLANS / "liaoning-province-plan.txt"))
    out = run("import_plan", str(PLANS / "hunnan-district-plan.txt"), "--division", "210112000000")
    assert "重点任务 42 项" in out and "上级规划《辽宁省民政事业发展第十四个五年规划》" in out
    assert "未作任何更改" in run("import_plan", str(PLANS / "hunnan-district-plan.txt"))
    assert Plan.objects.count() == 2


@pytest.mark.django_db
def test_an_unknown_region_needs_a_division(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("某某县民政事业发展第十四个五年规划\n一、总体要求\n", encoding="utf-8")
    with pytest.raises(CommandError, match="--division"):
        run("import_plan", str(path))


@pytest.mark.django_db
def test_load_plans_loads_the_four_seeds_once(plan_divisions):
    first = run("load_plans")
    run("load_plans")
    assert Plan.objects.count() == 4
    assert "丹东市民政事业发展第十四个五年规划 → 辽宁省民政事业发展第十四个五年规划：主要指标 20 项" in first
