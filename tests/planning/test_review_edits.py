"""The review step of the importer: the person corrects indicators, text targets, tasks and projects (edit,
delete, add) before anything is saved; bad corrections are refused naming the table and row."""

import re
from html import unescape

import pytest

from minzheng.planning.drafts import DraftEditError, apply_review
from minzheng.planning.importer import Indicator, PlanDraft, Project, Task
from minzheng.planning.models import Plan

from .test_commands import PLANS


def form_of(body: str) -> dict[str, str]:
    """The review form's fields as the browser would post them (text inputs and hidden row counts)."""
    fields = {}
    for tag in re.findall(r"<input [^>]*>", body):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and 'type="checkbox"' not in tag:
            fields[name.group(1)] = unescape(value.group(1)) if value else ""
    return fields


def test_edits_replace_delete_and_add_rows():
    draft = PlanDraft(
        title="t",
        indicators=[Indicator(1, "甲", "%", "60", "预期性"), Indicator(2, "乙", "%", "1", "")],
        tasks=[Task("任务一")],
        projects=[Project("项目一", investment="100")],
    )
    edited = {
        "ind": [
            {"no": "1", "name": "甲（修正）", "unit": "%", "target": "≥60", "attribute": "约束性", "baseline": "", "delete": ""},
            {"no": "2", "name": "乙", "unit": "%", "target": "1", "attribute": "", "baseline": "", "delete": "1"},
            {"no": "", "name": "丙", "unit": "个", "target": "5", "attribute": "", "baseline": "", "delete": ""},
            {"no": "", "name": "", "unit": "", "target": "", "attribute": "", "baseline": "", "delete": ""},
        ]
    }  # fmt: skip
    result = apply_review(draft, edited)
    assert [(i.no, i.name, i.target, i.attribute) for i in result.indicators] == [
        (1, "甲（修正）", "≥60", "约束性"),
        (3, "丙", "5", ""),
    ]
    assert result.tasks == [Task("任务一")]  # tables not edited stay as parsed


@pytest.mark.parametrize(
    ("prefix", "row", "message"),
    [
        ("ind", {"no": "x", "name": "甲", "unit": "", "target": "", "attribute": "", "baseline": ""}, "主要指标第1行：序号"),
        ("ind", {"no": "1", "name": "甲", "unit": "", "target": "", "attribute": "重要", "baseline": ""}, "指标属性"),
        ("proj", {"name": "桥", "location": "", "scale": "", "investment": "很多", "investment_unit": "", "deadline": ""}, "重大项目第1行：投资额"),
        ("task", {"lead": "", "chapter": "第一章", "section": ""}, "重点任务第1行：任务不能为空"),
    ],
)  # fmt: skip
def test_bad_corrections_name_the_table_and_row(prefix, row, message):
    with pytest.raises(DraftEditError, match=message):
        apply_review(PlanDraft(title="t"), {prefix: [{**row, "delete": ""}]})


@pytest.mark.django_db
def test_the_reviewer_s_corrections_are_what_is_saved(plan_divisions, login, city_leader):
    client = login(city_leader)
    with open(PLANS / "dandong-city-plan.txt", "rb") as handle:
        response = client.post("/planning/plans/import/", {"file": handle})
    form = form_of(client.get(response.url).content.decode())
    assert form["ind-TOTAL_FORMS"] == "23" and form["ind-17-name"] == "养老机构护理型床位占比"
    form.update(
        {"ind-17-target": "≥65", "ind-0-delete": "1", "ind-20-name": "新增指标", "ind-20-target": "10"}
    )
    form.update({"task-0-lead": "健全农村社会救助制度（修订）", "division": ""})
    client.post(response.url, form)
    plan = Plan.objects.get()
    table = plan.indicators.filter(source="table")
    assert table.count() == 20  # one deleted, one added
    assert not table.filter(name="城乡低保标准年度增速").exists()
    beds = table.get(name="养老机构护理型床位占比")
    assert (beds.target, beds.comparison, str(beds.target_value)) == ("≥65", "≥", "65.0000")
    assert table.get(name="新增指标").no == 21
    assert plan.tasks.order_by("order").first().lead == "健全农村社会救助制度（修订）"


@pytest.mark.django_db
def test_an_invalid_correction_saves_nothing(plan_divisions, login, city_leader):
    client = login(city_leader)
    with open(PLANS / "dandong-city-plan.txt", "rb") as handle:
        response = client.post("/planning/plans/import/", {"file": handle})
    form = form_of(client.get(response.url).content.decode())
    form.update({"ind-3-name": "", "ind-3-target": "100", "division": ""})
    after = client.post(response.url, form, follow=True).content.decode()
    assert "主要指标第4行：指标名称不能为空" in after and not Plan.objects.exists()


@pytest.mark.django_db
def test_unreadable_rows_are_refused_naming_table_row_and_field_and_a_table_left_off_stays(
    plan_divisions, login, city_leader
):
    client = login(city_leader)
    with open(PLANS / "dandong-city-plan.txt", "rb") as handle:
        response = client.post("/planning/plans/import/", {"file": handle})
    form = form_of(client.get(response.url).content.decode())
    bad = {**form, "division": "", "proj-1-name": "桥\x00", "tt-TOTAL_FORMS": "5000"}
    after = client.post(response.url, bad, follow=True)
    assert after.status_code == 200 and not Plan.objects.exists()
    shown = [str(m) for m in after.context["messages"]]
    assert shown == ["正文量化目标：表格最多2000行；重大项目第2行 · 项目名称含有不允许的字符"]
    # a table the page did not post (no row count) keeps the rows as parsed
    kept = {k: v for k, v in form.items() if not k.startswith("task-")}
    client.post(response.url, {**kept, "division": ""})
    assert Plan.objects.get().tasks.count() > 0
