"""The kit's pieces for posted data that is not one value per field (ADR 0018): grids of rows (``KitFormSet``,
``row_error_lines``), which form of a page was posted (``pressed``), ticked values and several files — each
error Chinese, naming its row and field."""

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.test import RequestFactory

from minzheng.web.kit.forms import FilesField, KitForm, KitFormSet, pressed, row_error_lines, ticked


class RowForm(KitForm):
    room = forms.CharField(label="房间", max_length=5)
    beds = forms.IntegerField(label="床位数", required=False, min_value=0)


Rows = forms.formset_factory(
    RowForm, formset=KitFormSet, extra=0, max_num=3, absolute_max=3, validate_max=True
)


def _rows(**data) -> KitFormSet:
    return Rows({"r-TOTAL_FORMS": "2", "r-INITIAL_FORMS": "2", **data}, prefix="r")


def test_each_row_error_names_the_row_and_the_field():
    rows = _rows(**{"r-0-room": "101", "r-0-beds": "二", "r-1-room": "", "r-1-beds": "-1"})
    assert not rows.is_valid()
    assert row_error_lines(rows, lambda i, form: f"第{i + 1}行") == [
        "第1行 · 床位数须为整数",
        "第2行 · 请填写房间",
        "第2行 · 床位数不能小于0",
    ]


def test_the_grid_s_own_errors_are_chinese_and_name_the_grid():
    missing = Rows({}, prefix="r")
    assert not missing.submitted and not missing.is_valid()
    assert row_error_lines(missing, str, grid="床位") == ["床位：表格数据不完整，请刷新页面后重新提交"]
    many = Rows({"r-TOTAL_FORMS": "9", "r-INITIAL_FORMS": "0"}, prefix="r")
    assert many.submitted and row_error_lines(many, str) == ["表格最多3行"]
    assert _rows(**{"r-0-room": "1", "r-1-room": "2"}).is_valid()


def test_pressed_and_ticked_read_several_values_under_one_name():
    request = RequestFactory().post("/", {"action": ["save", "submit"], "roles": ["a", "b"]})
    assert pressed(request, "submit") and not pressed(request, "progress")
    assert ticked(request.POST, "roles") == ["a", "b"] and ticked(QueryDict(""), "roles") == []
    assert not pressed(RequestFactory().get("/", {"action": "submit"}), "submit")


class Upload(KitForm):
    files = FilesField("附件")


def test_several_files_come_as_a_list_and_an_empty_one_is_refused_by_name():
    a, b = SimpleUploadedFile("a.pdf", b"%PDF-a"), SimpleUploadedFile("b.pdf", b"%PDF-b")
    form = Upload({}, {"files": [a, b]})
    assert form.is_valid() and [f.name for f in form.cleaned_data["files"]] == ["a.pdf", "b.pdf"]
    assert Upload({}, {}).is_valid()
    empty = Upload({}, {"files": [SimpleUploadedFile("c.pdf", b"")]})
    assert not empty.is_valid() and empty.errors["files"] == ["附件是空文件"]
