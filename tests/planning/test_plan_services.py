"""Importing plans: the four seeds as stored rows, idempotency, the hierarchy, audit, 分解落实."""

from decimal import Decimal

import pytest

from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.planning import services
from minzheng.planning.errors import InvalidPlan, PlanFileRejected
from minzheng.planning.models import (
    OutlineNode,
    Plan,
    PlanIndicator,
    PlanLevel,
    PlanProject,
    PlanTask,
    TaskStatus,
)
from tests.core.factories import make_user
from tests.planning.reference import PLANS

# Measured on the seeds (table indicators / text targets / tasks / projects / outline nodes).
SEED_COUNTS = {
    "辽宁省": {"indicators": 20, "text_targets": 41, "tasks": 110, "projects": 34, "outline": 47},
    "丹东市": {"indicators": 20, "text_targets": 37, "tasks": 107, "projects": 38, "outline": 47},
    "阜新市": {"indicators": 0, "text_targets": 41, "tasks": 62, "projects": 22, "outline": 78},
    "浑南区": {"indicators": 0, "text_targets": 36, "tasks": 42, "projects": 7, "outline": 58},
}


@pytest.mark.django_db
@pytest.mark.parametrize("region", SEED_COUNTS)
def test_each_seed_plan_is_stored_with_all_its_parts(seed_plans, region):
    assert services.plan_counts(seed_plans[region]) == SEED_COUNTS[region]


@pytest.mark.django_db
def test_loading_the_seeds_twice_duplicates_nothing(seed_plans):
    counts = [m.objects.count() for m in (Plan, OutlineNode, PlanTask, PlanIndicator, PlanProject)]
    again = {plan.region_name: plan for plan in services.load_seed_plans()}
    assert {k: p.pk for k, p in again.items()} == {k: p.pk for k, p in seed_plans.items()}
    assert [m.objects.count() for m in (Plan, OutlineNode, PlanTask, PlanIndicator, PlanProject)] == counts
    assert AuditEvent.objects.filter(action=AuditEvent.IMPORT, object_type="plan").count() == 4


@pytest.mark.django_db
def test_city_and_district_plans_implement_the_provincial_plan(seed_plans):
    liaoning = seed_plans["辽宁省"]
    assert liaoning.parent is None and liaoning.level == PlanLevel.PROVINCE
    # 沈阳 has no plan here, so 浑南区's plan hangs directly under 辽宁's.
    for region, code, level in [
        ("丹东市", "210600000000", PlanLevel.CITY),
        ("阜新市", "210900000000", PlanLevel.CITY),
        ("浑南区", "210112000000", PlanLevel.COUNTY),
    ]:
        plan = seed_plans[region]
        assert (plan.parent_id, plan.division_code, plan.level) == (liaoning.pk, code, level)
        assert (plan.period_start, plan.period_end) == (2021, 2025)


@pytest.mark.django_db
def test_dandong_indicator_table_keeps_targets_as_printed_with_parsed_comparisons(seed_plans):
    rows = list(seed_plans["丹东市"].indicators.filter(source="table").order_by("no"))
    assert [r.no for r in rows] == list(range(1, 21))
    assert [r.no for r in rows if r.attribute == "约束性"] == [4, 13, 14, 18]
    assert all(r.attribute == "预期性" for r in rows if r.no not in (4, 13, 14, 18))
    by_no = {r.no: r for r in rows}
    assert (by_no[18].target, by_no[18].comparison, by_no[18].target_value) == ("≥60", "≥", Decimal("60"))
    assert (by_no[6].target, by_no[6].comparison, by_no[6].unit) == (">30", ">", "m²")
    assert (by_no[2].target, by_no[2].comparison, by_no[2].target_value) == ("1.3", "=", Decimal("1.3"))
    assert (by_no[1].target, by_no[1].comparison, by_no[1].target_value) == ("不低于省定指标要求", "", None)
    assert by_no[1].source_table.startswith("专栏1")


@pytest.mark.django_db
def test_liaoning_binds_55_percent_nursing_beds(seed_plans):
    row = seed_plans["辽宁省"].indicators.get(source="table", no=18)
    assert (row.name, row.target, row.attribute) == ("养老机构护理型床位占比", "≥55", "约束性")


@pytest.mark.django_db
def test_plans_without_an_indicator_table_keep_their_text_targets_with_quotes(seed_plans):
    targets = seed_plans["阜新市"].indicators.filter(source="text")
    beds = targets.filter(quote__contains="护理型床位占比不低于55%").first()
    assert (beds.target, beds.comparison, beds.target_value, beds.unit) == (
        "不低于55%",
        "≥",
        Decimal("55"),
        "%",
    )
    assert all(t.quote for t in targets)


@pytest.mark.django_db
def test_project_rows_carry_investment_as_decimal(seed_plans):
    project = seed_plans["丹东市"].projects.get(name="丹东市殡仪馆异地新建项目")
    assert (project.location, project.investment, project.investment_unit) == (
        "丹东市",
        Decimal("1.68"),
        "亿元",
    )


@pytest.mark.django_db
def test_outline_is_a_tree_of_chapters_and_sections(seed_plans):
    nodes = seed_plans["丹东市"].outline_nodes
    chapters = nodes.filter(parent__isnull=True, kind="chapter")
    assert chapters.count() == 6
    assert nodes.filter(parent=chapters.first(), kind="section").count() == 4


@pytest.mark.django_db
def test_tasks_are_imported_without_the_fields_of_breakdown(seed_plans):
    tasks = seed_plans["丹东市"].tasks
    assert not tasks.exclude(responsible_unit="").exists()
    assert not tasks.exclude(deadline=None).exists()
    assert set(tasks.values_list("status", flat=True)) == {TaskStatus.NOT_STARTED}


@pytest.mark.django_db
def test_import_is_audited_as_the_system_when_no_one_acts(seed_plans):
    event = AuditEvent.objects.get(object_type="plan", object_id=str(seed_plans["丹东市"].pk))
    assert (event.action, event.username, event.division_code) == ("import", "system", "210600000000")
    assert event.after["indicators"] == 20


def _draft():
    return services.parse_plan_file("x.txt", "丹东市民政事业发展第十四个五年规划\n第一章 总则\n".encode())


@pytest.mark.django_db
def test_caseworker_may_not_import_a_plan(county_caseworker):
    with pytest.raises(PermissionDenied):
        services.import_plan(
            _draft(),
            source_name="x.txt",
            sha256="1" * 64,
            actor=county_caseworker,
            division_code="210602000000",
        )
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_a_leader_may_not_import_a_plan_for_another_region(city_leader):
    with pytest.raises(PermissionDenied):
        services.import_plan(
            _draft(), source_name="x.txt", sha256="1" * 64, actor=city_leader, division_code="210000000000"
        )


@pytest.mark.django_db
def test_parent_plan_must_belong_to_a_higher_division(seed_plans, city_leader):
    with pytest.raises(InvalidPlan):
        services.import_plan(
            _draft(),
            source_name="x.txt",
            sha256="1" * 64,
            actor=city_leader,
            division_code="210600000000",
            parent=seed_plans["浑南区"],
        )


@pytest.mark.django_db
def test_township_is_not_a_plan_level(city_leader):
    with pytest.raises(InvalidPlan):
        services.import_plan(
            _draft(), source_name="x.txt", sha256="1" * 64, actor=city_leader, division_code="210602002000"
        )


@pytest.mark.django_db
def test_unreadable_files_are_refused_with_a_message():
    from minzheng.planning.errors import PlanFileRejected

    with pytest.raises(PlanFileRejected, match="只支持"):
        services.parse_plan_file("plan.pdf", b"%PDF")
    with pytest.raises(PlanFileRejected, match="docx"):
        services.parse_plan_file("plan.docx", b"not a zip")


@pytest.mark.django_db
def test_a_gb18030_text_file_is_read():
    text = (PLANS / "fuxin-city-plan.txt").read_text(encoding="utf-8")
    draft = services.parse_plan_file("x.txt", text.encode("gb18030"))
    assert draft.title == "阜新市民政事业发展第十四个五年规划"


def test_a_file_without_a_plan_is_refused_before_its_region_is_looked_up():
    """Issue 17: a title alone or a notice gave an empty draft, and the import then blamed the 区划代码."""
    for content in (
        b"",
        "阜新市民政事业发展第十四个五年规划\n".encode(),
        "关于放假的通知\n全体职工：".encode(),
    ):
        with pytest.raises(PlanFileRejected, match="未识别到规划内容"):
            services.parse_plan_file("x.txt", content)


@pytest.mark.django_db
def test_breakdown_of_a_task_is_recorded_and_audited(seed_plans, city_leader):
    from datetime import date

    task = seed_plans["丹东市"].tasks.first()
    services.update_task(
        city_leader,
        task,
        responsible_unit="市民政局社会救助科",
        deadline=date(2025, 12, 31),
        status="in_progress",
    )
    task.refresh_from_db()
    assert (task.responsible_unit, task.deadline, task.status) == (
        "市民政局社会救助科",
        date(2025, 12, 31),
        "in_progress",
    )
    event = AuditEvent.objects.get(object_type="plan_task", object_id=str(task.pk))
    assert event.before["status"] == "not_started" and event.after["deadline"] == "2025-12-31"


@pytest.mark.django_db
def test_a_city_leader_may_not_break_down_the_provincial_plan(seed_plans, city_leader):
    with pytest.raises(PermissionDenied):
        services.update_task(
            city_leader,
            seed_plans["辽宁省"].tasks.first(),
            responsible_unit="x",
            deadline=None,
            status="done",
        )


@pytest.mark.django_db
def test_docx_plans_are_imported_like_text(tmp_path, plan_divisions, sysadmin):
    from docx import Document

    document = Document()
    for line in [
        "浑南区民政事业发展“十四五”规划",
        "一、总体要求",
        "（一）发展目标",
        "到2025年，养老机构护理型床位占比达到55%。",
    ]:
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    content = path.read_bytes()
    draft = services.parse_plan_file("plan.docx", content)
    leader = make_user("leader", "210100000000")
    plan = services.import_plan(
        draft,
        source_name="plan.docx",
        sha256=services.file_sha256(content),
        actor=leader,
        division_code="210112000000",
    )
    assert (plan.title, plan.level, plan.imported_by) == ("浑南区民政事业发展“十四五”规划", "county", leader)
    assert plan.outline_nodes.count() == 2
