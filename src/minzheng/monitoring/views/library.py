"""低收入人口信息库 pages: search and export, one person's categories, list import, 主动发现 registration."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from minzheng.core.errors import MinzhengError
from minzheng.core.identity import mask_id_number
from minzheng.core.read_audit import Channel
from minzheng.core.selectors.divisions import names_of
from minzheng.core.spreadsheets import Sheet, error_report, write_workbook
from minzheng.core.uploads import read_upload
from minzheng.core.views.common import paginate, parse_date, xlsx_response
from minzheng.web.kit.forms import error_lines, flash_errors, run_service

from .. import selectors
from ..forms import ListImportForm, ProactiveForm
from ..models import Category
from ..services import library as library_service
from ..services import list_import
from ..services.reads import record_read
from .common import page

IMPORT_CATEGORIES = [
    (c.value, c.label) for c in (Category.FANGPIN, Category.DIBAO_EDGE, Category.EXPENDITURE_HARDSHIP)
]


def library(request):
    on = parse_date(request.GET.get("on")) or timezone.localdate()
    filters = selectors.LibraryFilter(
        q=request.GET.get("q", ""),
        category=request.GET.get("category", ""),
        division_code=request.GET.get("division", ""),
    )
    people = selectors.library_list(request.user, filters, on)
    if request.GET.get("export") == "xlsx":
        return _export(request, people, on)
    page_obj = paginate(request, people)
    return render(
        request,
        "monitoring/library.html",
        page(
            request,
            "低收入人口信息库",
            "monitoring:library",
            page_obj=page_obj,
            filters=filters,
            on=on,
            categories=Category.choices,
            division_names=names_of({p.division_code for p in page_obj}),
        ),
    )


def _export(request, people, on):
    names = names_of(set(people.values_list("division_code", flat=True).distinct()))
    rows = (
        [
            p.name, mask_id_number(p.id_number), p.household_number, names.get(p.division_code, p.division_code),
            "、".join(f"{c.get_category_display()}（{c.valid_from:%Y-%m-%d}起）" for c in p.open_categories),
        ]
        for p in people.iterator(chunk_size=2000)
    )  # fmt: skip
    content = write_workbook(
        [Sheet(f"信息库{on:%Y%m%d}", ["姓名", "公民身份号码", "户编号", "居住地", "人员类别（纳入日期）"], rows,
               column_widths=(10, 20, 20, 30, 60))]
    )  # fmt: skip
    record_read(
        request.user, "monitoring_library_person", f"导出低收入人口信息库（{on:%Y-%m-%d}）", export=True
    )
    return xlsx_response(content, "低收入人口信息库")


def library_person(request, pk: int):
    person = selectors.read_library_person(request.user, pk, channel=Channel.PAGE)
    return render(
        request,
        "monitoring/library_person.html",
        page(
            request,
            person.name,
            "monitoring:library",
            person=person,
            categories=selectors.person_categories(person),
            division_names=names_of({person.division_code}),
        ),
    )


def library_import(request):
    if request.method == "POST":
        upload = request.FILES.get("file")
        form = ListImportForm(request.POST)
        try:
            if not form.is_valid():
                raise MinzhengError("；".join(error_lines(form)))
            if upload is None:
                raise MinzhengError("请选择要导入的名单文件（.xlsx 或 .csv）", field="file")
            batch = list_import.import_list(
                request.user,
                data=read_upload(upload),
                file_name=upload.name,
                category=form.cleaned_data["category"],
                source_department=form.cleaned_data["source_department"],
            )
        except MinzhengError as exc:
            messages.error(request, exc.message)
        else:
            if batch.status == batch.REJECTED:
                messages.error(
                    request, f"名单有{len(batch.errors)}处错误，整份文件未导入，请下载错误报告修改后重新上传"
                )
            else:
                messages.success(request, f"已导入 {batch.rows_total} 人，新增 {batch.rows_added} 条人员类别")
        return redirect("monitoring:library_import")
    return render(
        request,
        "monitoring/library_import.html",
        page(
            request,
            "名单导入",
            "monitoring:library",
            batches=paginate(request, selectors.list_imports(request.user)),
            categories=IMPORT_CATEGORIES,
            columns=list_import.COLUMNS,
        ),
    )


def import_template(request):
    content = write_workbook(
        [Sheet("名单", list_import.COLUMNS, [], column_widths=(10, 22, 20, 16, 14), notes=list_import.TEMPLATE_NOTES,
               text_columns=(1, 2, 3))]
    )  # fmt: skip
    return xlsx_response(content, "低收入人口名单模板")


def import_errors(request, pk: int):
    batch = selectors.list_import(request.user, pk)
    return xlsx_response(error_report(batch.errors), f"名单导入错误_{batch.pk}")


def proactive(request):
    form = ProactiveForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        category = run_service(
            form,
            lambda: library_service.register_proactive(
                request.user, **form.cleaned_data, on=timezone.localdate()
            ),
        )
        if category is not None:
            messages.success(request, f"已登记主动发现对象 {category.person.name}，纳入低收入人口信息库")
            return redirect("monitoring:library_person", pk=category.person_id)
    if form.is_bound:
        flash_errors(request, form)
    return render(
        request,
        "monitoring/proactive.html",
        page(request, "主动发现登记", "monitoring:library", form=request.POST),
    )
