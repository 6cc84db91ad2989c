"""Synthetic variants of the seed plans, built here from their texts: the layouts a plan reaches us in.

* hard-wrapped at 30, 40 or 60 characters a line (a copy from a PDF viewer), with or without blank lines;
* the indicator table with its cells split by blank lines;
* a .docx whose indicator table has merged header and attribute cells;
* GBK-encoded text.
Each variant must keep what the plain text gives (floors measured on the variants, see FLOORS). Only the
GBK tests need Django (the upload's decoding, the command); the rest also run with ``-p no:django``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from minzheng.planning.importer import parse_plan_docx, parse_plan_text

from .reference import (
    PLANS,
    measure_indicators,
    measure_outline,
    measure_projects,
    measure_tasks,
    reference,
)

WORD_PLANS = ["dandong-city-plan", "fuxin-city-plan", "hunnan-district-plan"]


def wrapped(text: str, width: int, *, blank_lines: bool) -> str:
    """Every prose line cut every ``width`` characters; table cells (tab lines) as they are."""
    lines: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width or "\t" in line:
            lines.append(line)
        else:
            lines.extend(line[i : i + width] for i in range(0, len(line), width))
    return ("\n\n" if blank_lines else "\n").join(lines)


def blank_line_cells(text: str) -> str:
    """The one-cell-per-line indicator table with a blank line after every cell."""
    return "\n".join(f"{line}\n" if line.startswith("\t") else line for line in text.split("\n"))


def plain(name: str) -> str:
    return (PLANS / f"{name}.txt").read_text(encoding="utf-8")


# (tasks, projects, indicators, outline) matched at least, on every wrap width; the plain text gives
# 107/37/20/47, 62/21/33/78 and 42/7/29/27. Lost when wrapped: a section title the source itself breaks
# over two lines (丹东 第一节 推动巩固拓展…, 第三章 at 30) and the tasks whose lead the wrap cuts at 30.
FLOORS = {
    "dandong-city-plan": {30: (104, 37, 20, 45), 40: (106, 37, 20, 46), 60: (106, 37, 20, 46)},
    "fuxin-city-plan": {30: (62, 21, 33, 78), 40: (62, 21, 33, 78), 60: (62, 21, 33, 78)},
    "hunnan-district-plan": {30: (42, 7, 29, 27), 40: (42, 7, 29, 27), 60: (42, 7, 29, 27)},
}


def scores(name: str, plan) -> tuple[int, int, int, int]:
    return tuple(
        m(name, plan).matched for m in (measure_tasks, measure_projects, measure_indicators, measure_outline)
    )


@pytest.mark.parametrize("name", WORD_PLANS)
@pytest.mark.parametrize("width", [30, 40, 60])
@pytest.mark.parametrize("blank_lines", [False, True], ids=["tight", "blank-lines"])
def test_a_plan_wrapped_like_a_pdf_reads_as_the_plain_text(name: str, width: int, blank_lines: bool) -> None:
    plan = parse_plan_text(wrapped(plain(name), width, blank_lines=blank_lines))
    got = scores(name, plan)
    assert all(g >= f for g, f in zip(got, FLOORS[name][width], strict=True)), got
    # No junk: as many tasks as the plain text gives, give or take the few the wrap costs.
    assert len(plan.tasks) <= len(parse_plan_text(plain(name)).tasks) + 1


def test_the_40_character_wrap_is_recognised_as_a_pdf_layout() -> None:
    from minzheng.planning.importer.cleaning import clean_text

    clean = clean_text(wrapped(plain("hunnan-district-plan"), 40, blank_lines=False))
    assert clean.pdf_layout and clean.line_width == 80  # 40 CJK characters, 80 half-width cells
    assert not clean_text(plain("hunnan-district-plan")).pdf_layout


@pytest.mark.parametrize("blank_lines", [False, True], ids=["cells", "cells-and-lines"])
def test_table_cells_split_by_blank_lines_still_give_every_indicator(blank_lines: bool) -> None:
    text = blank_line_cells(plain("dandong-city-plan"))
    if blank_lines:
        text = wrapped(text, 40, blank_lines=True)
    assert measure_indicators("dandong-city-plan", parse_plan_text(text)).matched == 20


@pytest.mark.parametrize("separator", ["\n", "\n\n", "\n\n\n"], ids=["lines", "blank", "two-blank"])
def test_a_table_of_one_cell_per_line_without_tabs_gives_every_indicator(separator: str) -> None:
    # A PDF extraction that puts each cell on a line of its own, with 0, 1 or 2 blank lines between.
    cells = ["序号", "主要指标", "单位", "2025年目标值", "指标属性"]
    for item in reference("dandong-city-plan", full=False)["indicators"]:
        cells += [str(item["no"]), item["name"], item["unit"], str(item["target"]), item["attribute"]]
    prose = wrapped(plain("hunnan-district-plan"), 40, blank_lines=separator != "\n")
    text = (
        "丹东市民政事业发展第十四个五年规划\n\n第一章 发展目标\n\n专栏1:主要指标\n\n"
        + separator.join(cells)
        + "\n\n\n第二章 主要任务\n\n"
        + prose.split("三、“十四五”时期的重点任务", 1)[1]
    )
    assert measure_indicators("dandong-city-plan", parse_plan_text(text)).matched == 20


def test_a_docx_with_merged_cells_gives_the_indicator_table(tmp_path: Path) -> None:
    ref = reference("dandong-city-plan", full=False)
    items = ref["indicators"]
    document = Document()
    document.add_paragraph("丹东市民政事业发展第十四个五年规划")
    document.add_paragraph("第一章 开启全市民政事业现代化建设新征程")
    document.add_paragraph("专栏1:“十四五”时期全市民政事业发展主要指标")
    table = document.add_table(rows=len(items) + 2, cols=5)
    # A two-row header: 序号/主要指标/单位 merged down, 目标 merged across 2025年目标值 and 指标属性.
    for col, label in enumerate(["序号", "主要指标", "单位"]):
        table.cell(0, col).merge(table.cell(1, col)).text = label
    table.cell(0, 3).merge(table.cell(0, 4)).text = "目标"
    table.cell(1, 3).text, table.cell(1, 4).text = "2025年目标值", "指标属性"
    for k, item in enumerate(items):
        for col, value in enumerate([item["no"], item["name"], item["unit"], item["target"]]):
            table.cell(k + 2, col).text = str(value)
    # Runs of equal 指标属性 merged down, as a typist does.
    start = 0
    while start < len(items):
        end = start
        while end + 1 < len(items) and items[end + 1]["attribute"] == items[start]["attribute"]:
            end += 1
        table.cell(start + 2, 4).merge(table.cell(end + 2, 4)).text = items[start]["attribute"]
        start = end + 1
    document.add_paragraph("第二章 全面提高基本民生保障水平")
    document.add_paragraph("健全农村社会救助制度。保持农村社会救助政策持续稳定。")
    path = tmp_path / "merged.docx"
    document.save(str(path))

    plan = parse_plan_docx(path)
    assert measure_indicators("dandong-city-plan", plan).matched == 20
    assert [t.lead for t in plan.tasks] == ["健全农村社会救助制度"]


def test_gbk_text_reads_as_the_utf8_text() -> None:
    from minzheng.planning.services import parse_plan_file

    text = plain("hunnan-district-plan")
    plan = parse_plan_file("hunnan.txt", text.encode("gbk"))
    assert plan.to_dict() == parse_plan_text(text).to_dict()
    assert plan.parent_regions == ["沈阳市", "辽宁省"]


def test_the_import_command_reads_gbk_and_refuses_a_non_plan(tmp_path: Path) -> None:
    # No database: a dry run and a refusal never reach it (pytest-django would fail any query here).
    from django.core.management import CommandError, call_command

    gbk = tmp_path / "hunnan.txt"
    gbk.write_bytes(plain("hunnan-district-plan").encode("gbk"))
    out = io.StringIO()
    call_command("import_plan", str(gbk), "--dry-run", stdout=out)
    assert "浑南区" in out.getvalue() and "重点任务 42 项" in out.getvalue()

    for content in (b"", "通知\n今天下午三点在三楼会议室开会，请准时参加。\n".encode("gbk")):
        path = tmp_path / "other.txt"
        path.write_bytes(content)
        # CommandError: the command line exits 1 with the message on stderr.
        with pytest.raises(CommandError, match="未识别到规划内容"):
            call_command("import_plan", str(path), "--dry-run", stdout=io.StringIO())
        # The real import refuses for the same reason, before it would ask for a 区划代码.
        with pytest.raises(CommandError, match="未识别到规划内容"):
            call_command("import_plan", str(path), stdout=io.StringIO())
