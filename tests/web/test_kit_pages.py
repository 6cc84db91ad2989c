"""The list/detail/form pages of the kit: one search form above the table, 共 N 条, the same partials."""

import pytest
from django import forms
from django.test import RequestFactory

from minzheng.web.kit.forms import KitForm, text_field
from minzheng.web.kit.pages import Action, Cell, Section, detail_page, frame, paginate, search, table_page


class NameSearch(KitForm):
    q = text_field("名称", 10, required=False)


class NoteForm(KitForm):
    note = forms.CharField(label="说明")


@pytest.fixture
def get(rf: RequestFactory, county_caseworker):
    def make(path="/x/", **query):
        request = rf.get(path, query)
        request.user = county_caseworker
        return request

    return make


def _frame():
    return frame(
        "eldercare", "养老机构", [("养老服务", None)], subnav=[("养老机构", "eldercare:institution_list")]
    )


def test_a_list_page_has_the_search_form_the_table_and_the_count(get):
    request = get(q="敬老")
    form, typed = search(request, NameSearch)
    page_obj = paginate(request, [f"院{i}" for i in range(45)])
    body = table_page(
        request, frame=_frame(), page_obj=page_obj, headers=["名称"], rows=[[Cell(n, url="/a/")] for n in page_obj],
        filter_form=form, toolbar=[("新增", "/new/")],
    ).content.decode()  # fmt: skip
    assert typed == {"q": "敬老"}
    assert 'class="search-form" method="get"' in body and 'value="敬老"' in body
    assert "共 45 条" in body and "第 1 / 3 页" in body and '<a href="/a/">院0</a>' in body
    assert body.index("search-form") < body.index('<table class="data">')


def test_an_empty_list_says_so(get):
    request = get()
    body = table_page(
        request, frame=_frame(), page_obj=paginate(request, []), headers=["名称", "地址"], rows=[]
    ).content.decode()
    assert '<td colspan="2" class="muted">没有符合条件的记录</td>' in body


def test_a_page_number_that_is_not_one_gives_the_nearest_page(get):
    assert paginate(get(page="abc"), list(range(50))).number == 1
    assert paginate(get(page="99999999999999999999"), list(range(50))).number == 3


def test_a_search_field_that_does_not_validate_is_shown_and_ignored(get):
    form, typed = search(get(q="长" * 11), NameSearch)
    assert typed == {} and form.errors["q"] == ["名称不能超过10个字"]


def test_a_detail_page_shows_fields_sections_and_action_forms_with_errors(get):
    action_form = NoteForm({"note": ""})
    action_form.is_valid()
    body = detail_page(
        get(), frame=_frame(), fields=[("名称", "敬老院"), ("状态", Cell("运营", tag="green"))],
        sections=[Section("入住记录", ["姓名"], [["张三"]])],
        actions=[Action("报告整改", action_form, "/act/", confirm="确定提交？")],
    ).content.decode()  # fmt: skip
    assert "<dt>名称</dt><dd>敬老院" in body and '<span class="tag tag-green">运营</span>' in body
    assert "<h3>入住记录</h3>" in body and "<td>张三" in body
    assert 'data-confirm="确定提交？"' in body and "<li>请填写说明</li>" in body
