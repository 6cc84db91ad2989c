"""一人一档 / 一户一档 pages, and the page that finds whose file to open."""

from django.urls import reverse

from minzheng.web.kit import pages
from minzheng.web.kit.pages import Cell, Section

from ..forms import FileSearchForm
from ..selectors import files as sel
from ..selectors.finding import find_subjects
from .common import base_context, crumbs

_TIMELINE_HEADERS = ["日期", "业务", "事项", "说明", "人员"]


def _timeline_section(story) -> Section:
    rows = [
        [f"{e.on:%Y-%m-%d}", e.domain, Cell(e.title, e.url), e.detail or "—", e.person_name or "—"]
        for e in story.entries
    ]
    return Section("民政记录（按时间，新的在前）", _TIMELINE_HEADERS, rows, empty="各业务均无记录")


def _domain_section(story) -> Section:
    return Section("涉及业务", ["业务", "记录数"], [[d, n] for d, n in story.domains], empty="无")


def person_file(request, pk: int):
    story = sel.read_person_file(request.user, pk)
    household_url = lambda hpk: reverse("datacenter:household_file", args=[hpk])  # noqa: E731
    households = Section(
        "所属家庭", ["户编号", "状态"],
        [[Cell(number, household_url(hpk)), "现属" if current else "曾属"] for hpk, number, current in story.households],
        empty="未入户",
    )  # fmt: skip
    return pages.detail_page(
        request, frame=base_context(story.title, crumbs(("一人一档", None))), fields=story.fields,
        sections=[households, _domain_section(story), _timeline_section(story)], testid="person-file",
        toolbar=[("人员详情", reverse("core:person_detail", args=[pk]))],
    )  # fmt: skip


def household_file(request, pk: int):
    story = sel.read_household_file(request.user, pk)
    person_url = lambda ppk: reverse("datacenter:person_file", args=[ppk])  # noqa: E731
    members = Section(
        "家庭成员（含已迁出）", ["姓名", "公民身份号码", "与户主关系", "状态"],
        [[Cell(m.name, person_url(m.person_id)), m.id_number, m.relation, "在户" if m.current else "已离户"]
         for m in story.members],
        empty="无成员",
    )  # fmt: skip
    return pages.detail_page(
        request, frame=base_context(story.title, crumbs(("一户一档", None))), fields=story.fields,
        sections=[members, _domain_section(story), _timeline_section(story)], testid="household-file",
        toolbar=[("家庭户详情", reverse("core:household_detail", args=[pk]))],
    )  # fmt: skip


def dashboard(request):
    form, data = pages.search(request, FileSearchForm)
    page_obj = pages.paginate(request, find_subjects(request.user, (data.get("q") or "").strip()))
    rows = [[Cell(hit.label, hit.url), hit.kind, hit.id_number, hit.division] for hit in page_obj]
    return pages.table_page(
        request, frame=base_context("一人一档", crumbs(("一人一档", None))), filter_form=form, page_obj=page_obj,
        headers=["姓名/户编号", "类别", "公民身份号码", "居住地"], rows=rows,
        empty="输入姓名、身份证号或户编号查找档案" if not data.get("q") else "没有符合条件的人员或家庭",
        intro="一人一档、一户一档汇集人口与家庭、社会救助、资金发放、经济状况核对、动态监测、养老服务、儿童福利、婚姻登记、殡葬管理、全市通办各业务的记录，按时间排列。",
    )  # fmt: skip
