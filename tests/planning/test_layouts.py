"""Synthetic layouts written for these tests: each way an indicator table reaches us, plus .docx."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from minzheng.planning.importer import parse_plan_docx, parse_plan_text


def rows(plan) -> list[tuple]:
    return [(i.no, i.name, i.unit, i.baseline, i.target, i.attribute) for i in plan.indicators]


HEAD = "某某市民政事业发展第十四个五年规划\n\n第一章 总体要求\n\n第一节 发展目标\n\n专栏1 主要指标\n\n"


def test_tab_separated_indicator_table_is_parsed() -> None:
    text = HEAD + (
        "序号\t指标名称\t单位\t2020年\t2025年目标值\t指标属性\n"
        "1\t养老机构护理型床位占比\t%\t40\t≥55\t约束性\n"
        "2\t社会工作专业人才总量\t万人\t0.8\t1.2\t预期性\n"
        "3\t城乡低保标准年度增速\t%\t—\t不低于居民消费支出增速\t预期性\n"
        "\n第二章 重点任务\n"
    )
    assert rows(parse_plan_text(text)) == [
        (1, "养老机构护理型床位占比", "%", "40", "≥55", "约束性"),
        (2, "社会工作专业人才总量", "万人", "0.8", "1.2", "预期性"),
        (3, "城乡低保标准年度增速", "%", "—", "不低于居民消费支出增速", "预期性"),
    ]


def test_one_cell_per_line_indicator_table_is_parsed() -> None:
    text = HEAD + (
        "\t序号\n\t主要指标\n\t单位\n\t2025年\n目标值\n\t指标属性\n\n"
        "\t1\n\t节地生态安葬率\n\t%\n\t2\n\t预期性\n\n"
        "\t\n2\n\t每百户居民拥有的城乡社区综合服务设施建筑面积\n\t平方米\n\t>30\n\t预期性\n\n\n"
        "第二章 重点任务\n"
    )
    # Row 1's target “2” must not be mistaken for the start of row 2.
    assert rows(parse_plan_text(text)) == [
        (1, "节地生态安葬率", "%", "", "2", "预期性"),
        (2, "每百户居民拥有的城乡社区综合服务设施建筑面积", "平方米", "", ">30", "预期性"),
    ]


# PDF extraction: a hard break every 28 characters and a blank line after every line.
WRAPPED_PROSE = (
    "\n\n".join(["民政事业发展要坚持以人民为中心的发展思想，补齐短板强弱项，推动"] * 12) + "。\n\n"
)


def test_pdf_broken_indicator_table_with_stray_annotations_is_parsed() -> None:
    text = (
        HEAD
        + WRAPPED_PROSE
        + (
            "序号 主要指标 单\n\n位\n\n2025\n\n年目标\n\n值\n\n指标\n\n属性\n\n"
            "1 城乡低保标准年度增速 %\n\n不低于\n\n居民上\n\n年度人\n\n均消费\n\n支出增\n\n速\n\n预期性\n\n"
            "2 每百户居民拥有的城乡社区综合服务设施建筑面积\n\n平方\n\n米\n\n>30 预期性\n\n"
            "REVIEWER\n省委建议原文照录\n"
            " 3 乡镇 (街道)未成年人保护工作站覆盖率① % 50 预期性\n\n\n\n—17—\n\n\n\n"
            "4 县级公益性安葬（放）设施覆盖\n\n率 % 100 约束性\n\n"
            "第二章 重点任务\n"
        )
    )
    plan = parse_plan_text(text)
    assert rows(plan) == [
        (1, "城乡低保标准年度增速", "%", "", "不低于居民上年度人均消费支出增速", "预期性"),
        (2, "每百户居民拥有的城乡社区综合服务设施建筑面积", "平方米", "", ">30", "预期性"),
        (3, "乡镇(街道)未成年人保护工作站覆盖率", "%", "", "50", "预期性"),
        (4, "县级公益性安葬（放）设施覆盖率", "%", "", "100", "约束性"),
    ]
    assert plan.notes and any("REVIEWER" in note for note in plan.notes)
    assert any("—17—" in note for note in plan.notes)


def test_indicator_table_in_a_docx_is_read_in_document_order(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("某某县民政事业发展“十四五”规划")
    document.add_paragraph("第一章 发展目标")
    document.add_paragraph("专栏1 主要指标")
    table = document.add_table(rows=3, cols=5)
    cells = [
        ["序号", "指标名称", "单位", "2025年目标值", "属性"],
        ["1", "特困人员集中供养率", "%", "60", "约束性"],
        ["2", "村级公益性公墓", "处", "12", "预期性"],
    ]
    for r, values in enumerate(cells):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("第二章 主要任务")
    document.add_paragraph("完善社会救助制度。到2025年，低保标准年均增长不低于7%。")
    path = tmp_path / "plan.docx"
    document.save(str(path))

    plan = parse_plan_docx(path)
    assert (plan.title, plan.level, plan.region) == ("某某县民政事业发展“十四五”规划", "county", "某某县")
    assert rows(plan) == [
        (1, "特困人员集中供养率", "%", "", "60", "约束性"),
        (2, "村级公益性公墓", "处", "", "12", "预期性"),
    ]
    assert [t.lead for t in plan.tasks] == ["完善社会救助制度"]
    assert plan.tasks[0].chapter == "第二章 主要任务"
    assert plan.text_targets[0].value == "不低于7%"


def test_project_table_gets_location_scale_deadline_and_investment() -> None:
    text = (
        "某某市养老服务发展规划\n\n第一章 重大工程\n\n“十四五”养老服务重大项目\n单位：亿元\n"
        "序号\t项目名称\t建设地点\t建设规模及内容\t完成时限\t总投资\n"
        "1\t市养老服务中心\t某某区\t床位500张\t2024年\t1.2\n"
        "2\t县级敬老院改造\t某某县\t改造床位300张\t持续推进\t0.3\n\n\n"
        "第二章 保障措施\n"
    )
    projects = parse_plan_text(text).projects
    assert [
        (p.no, p.name, p.location, p.scale, p.deadline, p.investment, p.investment_unit) for p in projects
    ] == [
        (1, "市养老服务中心", "某某区", "床位500张", "2024年", "1.2", "亿元"),
        (2, "县级敬老院改造", "某某县", "改造床位300张", "持续推进", "0.3", "亿元"),
    ]


def test_outline_nests_chapters_sections_and_numbered_headings() -> None:
    text = (
        "某某区民政事业发展规划\n\n一、发展回顾\n\n（一）社会救助\n\n回顾文字。\n\n二、重点任务\n\n"
        "（一）社会救助\n1.完善救助机制\n\n健全救助协调机制，强化衔接。\n\n（二）养老服务\n\n"
        "完善养老服务体系。加快建设服务网络。\n"
    )
    plan = parse_plan_text(text)
    tree = [
        (n.heading, [(c.heading, [g.heading for g in c.children]) for c in n.children]) for n in plan.outline
    ]
    assert tree == [
        ("一、发展回顾", [("（一）社会救助", [])]),
        ("二、重点任务", [("（一）社会救助", ["1.完善救助机制"]), ("（二）养老服务", [])]),
    ]
    # Review sections yield no tasks; a numbered heading and a lead sentence do.
    assert [t.lead for t in plan.tasks] == ["1.完善救助机制", "完善养老服务体系"]


def test_split_chapter_title_is_joined() -> None:
    text = "某某市民政规划\n\n第二章 全面提高基本民生保障水平，\n推动困难群众共同富裕\n\n正文内容很长的一段话。再一句。\n"
    plan = parse_plan_text(text)
    assert plan.outline[0].heading == "第二章 全面提高基本民生保障水平，推动困难群众共同富裕"


def test_running_text_target_is_quoted_with_value_and_year() -> None:
    text = (
        "某某市民政规划\n\n第三章 养老服务\n\n"
        "推动养老机构提质发展。到2025年，全市养老机构护理型床位占比达到60%以上。“十三五”期间累计建成床位2万张。\n"
    )
    targets = parse_plan_text(text).text_targets
    assert [(t.value, t.year, t.quote) for t in targets] == [
        ("达到60%以上", "到2025年", "到2025年，全市养老机构护理型床位占比达到60%以上"),
    ]
    assert targets[0].name == "全市养老机构护理型床位占比"


def test_box_items_become_projects_not_tasks() -> None:
    text = (
        "某某市民政规划\n\n第二章 基本民生保障\n\n完善救助制度。健全机制。\n\n专栏2:基本民生保障水平提升工程\n\n"
        "1.建立临时救助备用金制度。按照人均2元左右水平安排临时救助备用金。\n"
        "2.开展兜底性照护服务:支持每个县建设1所照护型服务机构。\n\n第三章 养老服务\n"
    )
    plan = parse_plan_text(text)
    assert [(p.no, p.name, p.source) for p in plan.projects] == [
        (1, "建立临时救助备用金制度", "专栏2:基本民生保障水平提升工程"),
        (2, "开展兜底性照护服务", "专栏2:基本民生保障水平提升工程"),
    ]
    assert [t.lead for t in plan.tasks] == ["完善救助制度"]
