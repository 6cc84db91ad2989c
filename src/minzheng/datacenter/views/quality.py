"""数据质量 pages: the latest run's scores per domain, division and rule, and the open 问题记录 to fix."""

from django.urls import reverse

from minzheng.web.kit import pages
from minzheng.web.kit.pages import Cell, Section

from ..forms import IssueFilterForm
from ..selectors import quality as sel
from .common import base_context, crumbs


def _score_rows(rows) -> list[list]:
    return [[r.label, f"{r.checked:,}", f"{r.failed:,}", r.score] for r in rows]


def quality_page(request):
    run = sel.latest_run()
    frame = base_context("数据质量", crumbs(("数据质量", None)))
    if run is None:
        return pages.detail_page(
            request, frame=frame, fields=[("检查日期", "尚未检查（每晚自动检查）")], testid="quality",
        )  # fmt: skip
    issues_url = reverse("datacenter:issue_list")
    by_rule = [
        [Cell(rule.name, f"{issues_url}?rule={rule.code}"), rule.domain, sel.dimension_label(rule.dimension),
         f"{row.checked:,}", f"{row.failed:,}", row.score]
        for rule, row in sel.scores_by_rule(request.user, run)
    ]  # fmt: skip
    headers = ["", "检查记录", "问题记录", "得分"]
    sections = [
        Section("按业务", ["业务", *headers[1:]], _score_rows(sel.scores_by_domain(request.user, run))),
        Section("按区划", ["区划", *headers[1:]], _score_rows(sel.scores_by_division(request.user, run))),
        Section("按规则", ["质量规则", "业务", "维度", *headers[1:]], by_rule),
    ]
    return pages.detail_page(
        request, frame=frame, testid="quality", sections=sections,
        fields=[("检查日期", f"{run.run_on:%Y-%m-%d}"), ("得分说明", "得分 = 100 ×（1 − 问题记录 ÷ 检查记录）")],
        toolbar=[("问题清单", issues_url)],
    )  # fmt: skip


def issue_list(request):
    rules = sel.rule_choices()
    form, data = pages.search(request, IssueFilterForm, rules=rules)
    page_obj = pages.paginate(request, sel.open_issues(request.user, data.get("rule") or ""))
    links = sel.issue_links(list(page_obj))
    rows = [
        [i.rule.name, i.rule.domain, Cell(links[i.pk][0], links[i.pk][1]), i.evidence,
         f"{i.first_found_on:%Y-%m-%d}"]
        for i in page_obj
    ]  # fmt: skip
    return pages.table_page(
        request, frame=base_context("问题清单", crumbs(("数据质量", reverse("datacenter:quality")), ("问题清单", None))),
        page_obj=page_obj, filter_form=form, headers=["质量规则", "业务", "记录", "问题说明", "首次发现"], rows=rows,
        intro="每晚检查后更新：整改后的记录在下次检查时自动关闭。", empty="没有待整改的问题记录",
    )  # fmt: skip
