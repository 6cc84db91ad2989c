"""The four plans' reference extractions as a regression test of every field the importer produces.

Exact where the importer reaches the reference (table indicators, outline, metadata); elsewhere the test
states today's floor (matched) and ceiling (items extracted), so any regression fails. The gaps are listed
in FLOORS' comments and in the importer report. Pure: no database.
"""

from __future__ import annotations

import pytest

from minzheng.planning.importer import NOT_A_PLAN, parse_plan_text

from .reference import (
    PLAN_NAMES,
    draft,
    measure_indicators,
    measure_metadata,
    measure_outline,
    measure_projects,
    measure_tasks,
    reference,
    reference_parents,
    squash,
)

# (matched floor, extracted ceiling) per plan and field; expected counts are the references' own.
FLOORS = {
    "dandong-city-plan": {
        "tasks": (107, 107),
        "projects": (37, 38),
        "indicators": (20, 20),
        "outline": (47, 47),
    },
    "liaoning-province-plan": {
        "tasks": (110, 110),
        "projects": (32, 34),
        "indicators": (20, 20),
        "outline": (47, 47),
    },
    "fuxin-city-plan": {
        # Gap: 城乡社会救助体系更加健全 sits inside the 主要目标 paragraph, not as a lead of its own.
        "tasks": (62, 62),
        "projects": (21, 22),
        # Gap: 启动第五轮行政区域界线联合检查 (an ordinal, no figure).
        "indicators": (33, 41),
        "outline": (78, 78),
    },
    "hunnan-district-plan": {
        "tasks": (42, 42),
        "projects": (7, 7),
        # Gaps: 邻里中心 (一个), 殡葬减免扩面 (6项/7类), 在册街路地名标志 (a date only), 15分钟服务圈.
        "indicators": (29, 36),
        # The outline holds the 1./2. headings too (58), the reference only chapters and sections (27).
        "outline": (27, 58),
    },
}
MEASURE = {
    "tasks": measure_tasks,
    "projects": measure_projects,
    "indicators": measure_indicators,
    "outline": measure_outline,
}


@pytest.mark.parametrize("name", PLAN_NAMES)
@pytest.mark.parametrize("field", list(MEASURE))
def test_reference_field_holds_its_floor(name: str, field: str) -> None:
    floor, ceiling = FLOORS[name][field]
    result = MEASURE[field](name)
    assert result.matched >= floor, result.missing
    assert result.extracted <= ceiling, f"{result.extracted} items extracted, {ceiling} at most"


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_metadata_matches_the_reference(name: str) -> None:
    result = measure_metadata(name)
    assert result.matched == result.expected, result.missing


def test_a_district_keeps_its_city_and_its_province() -> None:
    plan = draft("hunnan-district-plan")
    assert plan.parent_regions == reference_parents("hunnan-district-plan") == ["沈阳市", "辽宁省"]
    assert plan.parent == "沈阳市"
    assert draft("liaoning-province-plan").parent_regions == []


@pytest.mark.parametrize("name", ["dandong-city-plan", "liaoning-province-plan"])
def test_table_indicators_are_exact_in_every_column(name: str) -> None:
    expected = [
        (
            item["no"],
            squash(item["name"]),
            squash(item["unit"]),
            squash(str(item["target"])),
            item["attribute"],
        )
        for item in reference(name, full=False)["indicators"]
    ]
    got = [
        (i.no, squash(i.name), squash(i.unit), squash(i.target), i.attribute) for i in draft(name).indicators
    ]
    assert got == expected


def test_table_projects_are_exact_in_every_column() -> None:
    projects = {p.name: p for p in draft("dandong-city-plan").projects}
    for table in reference("dandong-city-plan")["projects"]["major_project_tables"]:
        for item in table["items"]:
            project = projects[item["name"]]
            assert (
                squash(project.location),
                squash(project.scale),
                project.deadline,
                project.investment,
                project.investment_unit,
            ) == (
                squash(item["location"]),
                squash(item["scale"]),
                item["deadline"],
                str(item["total_investment"]),
                item["investment_unit"],
            )


# ---------------------------------------------------------------------------------- text targets


def _targets_quoting(name: str, words: str):
    return [t for t in draft(name).text_targets if words in t.quote]


def test_a_sentence_with_several_targets_yields_each() -> None:
    # 阜新: “到2025年,对特殊困难老年人定期探访率达到100%,对有意愿的失能特困人员集中供养率100%,…80%以上”.
    targets = _targets_quoting("fuxin-city-plan", "签约率")
    assert [t.value for t in targets] == ["达到100%", "达到80%以上"]
    sentence = [t for t in draft("fuxin-city-plan").text_targets if "供养率" in t.name and "失能" in t.name]
    assert [t.value for t in sentence] == ["100%"]
    hunnan = _targets_quoting("hunnan-district-plan", "集中供养率")
    assert [(t.name, t.value) for t in hunnan] == [
        ("有集中供养意愿的特困人员集中供养率", "达到100%"),
        ("生活不能自理特困人员集中供养率", "达到60%"),
    ]


def test_the_target_of_a_raise_is_the_new_level() -> None:
    plan = parse_plan_text(
        "某某区民政事业发展规划\n\n第二章 社会救助\n\n"
        "提高保障水平。到2025年，城市低保标准由每人每月700元提高到每人每月850元。\n"
    )
    assert [(t.name, t.value) for t in plan.text_targets] == [("城市低保标准", "850元")]
    charity = _targets_quoting("fuxin-city-plan", "理事单位")
    assert [t.value for t in charity] == ["150家", "300家"]  # 分别由83家和200家扩大到150家和300家


def test_fuxins_100_percent_is_not_read_as_the_2_permille_standard() -> None:
    targets = _targets_quoting("fuxin-city-plan", "配建设施达标率")
    assert [(t.name, t.value) for t in targets] == [("配建设施达标率", "达到100%")]


# ---------------------------------------------------------------------------------- tasks and projects

DISTRICT = """铁西区民政事业发展“十四五”规划

为推动民政事业高质量发展，依托沈阳市民政服务管理平台，落实《辽宁省民政事业发展第十四个五年规划》，制定本规划。

一、“十三五”时期发展情况
1、 发展成就
全区民政事业取得长足发展，建成养老机构12家。
2、 存在问题
民政工作面临新的挑战。

二、主要任务
（一）健全社会救助体系
（1）完善基本生活救助
健全最低生活保障制度。完善低保对象认定办法，将符合条件的困难群众全部纳入保障范围。
加强特困人员救助供养。完善特困人员认定条件，生活不能自理特困人员集中供养率达到60%。
（2）加强急难社会救助
健全临时救助制度。对遭遇突发事件的困难群众及时给予救助。
（二）完善养老服务体系
（1）加强养老设施建设
实施铁西区社会福利中心建设项目，总建筑面积2.3万平方米，设置床位500张，总投资1.5亿元。建设街道综合养老服务中心12个。
推进居家社区养老服务。完善家庭养老床位服务规范。
（2）提升养老服务质量
加强养老护理员队伍建设。每年培训养老护理员500人次。
（三）提升殡葬服务水平
实施殡仪馆改扩建工程，新增火化炉2台，改造告别厅3个；在各街道建设公益性公墓3处，总占地面积60亩。

三、保障措施
（一）加强组织领导
各部门要加强协调配合，确保规划落实。
"""


def test_paragraphs_under_numbered_sections_are_the_tasks() -> None:
    plan = parse_plan_text(DISTRICT)
    assert [t.lead for t in plan.tasks] == [
        "健全最低生活保障制度",
        "加强特困人员救助供养",
        "健全临时救助制度",
        "推进居家社区养老服务",
        "加强养老护理员队伍建设",
        "（三）提升殡葬服务水平",
        "（一）加强组织领导",
    ]
    assert plan.tasks[0].section == "（1）完善基本生活救助"
    # The （1）（2） headings stay in the outline as sections; 1、发展成就 is neither task nor lost.
    headings = [n.heading for n in plan.outline_nodes()]
    assert "（1）完善基本生活救助" in headings and "1、 发展成就" in headings
    assert plan.parent_regions == ["沈阳市", "辽宁省"]


def test_projects_written_as_running_text_keep_their_full_names() -> None:
    plan = parse_plan_text(DISTRICT)
    assert [(p.name, p.scale, p.location, p.investment, p.investment_unit) for p in plan.projects] == [
        ("铁西区社会福利中心建设项目", "总建筑面积2.3万平方米，设置床位500张", "铁西区", "1.5", "亿元"),
        ("街道综合养老服务中心", "12个", "铁西区", "", ""),
        ("殡仪馆改扩建工程", "新增火化炉2台，改造告别厅3个", "铁西区", "", ""),
        ("公益性公墓", "3处，总占地面积60亩", "各街道", "", ""),
    ]


def test_hunnans_projects_in_text_are_found_with_scale_and_deadline() -> None:
    projects = {p.name: p for p in draft("hunnan-district-plan").projects}
    assert (projects["“城市家园”项目"].scale, projects["“城市家园”项目"].deadline) == ("5个", "2025年前")
    assert projects["传染病遗体火化专用设施"].location == "区殡仪馆"
    assert projects["地名信息库平台"].deadline == "2021年"


# ---------------------------------------------------------------------------------- refusal


@pytest.mark.parametrize(
    "text",
    ["", "  \n\n\t\n", "今天天气很好，我们去公园散步。\n晚上回家吃饭，看了一场电影。\n" * 5],
)
def test_an_empty_or_non_plan_text_is_not_recognised(text: str) -> None:
    assert not parse_plan_text(text).recognised
    assert NOT_A_PLAN == "未识别到规划内容"


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_every_seed_plan_is_recognised(name: str) -> None:
    assert draft(name).recognised
