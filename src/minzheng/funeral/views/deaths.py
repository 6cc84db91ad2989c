"""死亡信息 pages: the list (search, export), one record, entry at the desk, 无名尸体, file import."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.errors import MinzhengError
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.spreadsheets import error_report
from minzheng.core.uploads import read_upload
from minzheng.core.views.common import xlsx_response
from minzheng.web.kit.forms import run_service

from ..forms import DeathCertificateForm, DeathFilterForm, DeathImportForm, UnidentifiedForm
from ..selectors import deaths as sel
from ..services import death_import
from ..services.deaths import CertificateInput, UnidentifiedInput, record_certificate, record_unidentified
from ..services.exports import export_rows
from .common import (
    Cell,
    base_context,
    can_manage,
    crumbs,
    detail_page,
    form_page,
    masked,
    money,
    paginate,
    search,
    table_page,
)

HEADERS = [
    "姓名",
    "公民身份号码",
    "死亡日期",
    "死亡地点",
    "死亡原因",
    "签发机构",
    "证明编号",
    "区划",
    "人口库处理",
    "来源",
]


def death_list(request):
    ff, d = search(request, DeathFilterForm)
    filters = sel.DeathFilter(
        q=d.get("q") or "", division_code=d.get("division_code") or "", died_from=d.get("died_from"),
        died_to=d.get("died_to"), unidentified_only=bool(d.get("unidentified_only")),
    )  # fmt: skip
    qs = sel.death_list(request.user, filters)

    def values(x, names):
        return [
            x.display_name, masked(x.id_number), x.death_date, x.get_death_place_display(), x.get_cause_display(),
            x.issuer_name, x.certificate_number or "—", names.get(x.division_code, x.division_code),
            x.registry_note, x.get_source_display(),
        ]  # fmt: skip

    if request.GET.get("export") == "xlsx":
        names = names_of(set(qs.values_list("division_code", flat=True).distinct()))
        content = export_rows(
            request.user, name="死亡信息", headers=HEADERS, rows=(values(x, names) for x in qs.iterator()),
            object_type="funeral.deathrecord",
        )  # fmt: skip
        return xlsx_response(content, "死亡信息")
    page = paginate(request, qs)
    names = names_of({x.division_code for x in page})
    rows = [
        [Cell(x.display_name, reverse("funeral:death_detail", args=[x.pk])), *values(x, names)[1:]]
        for x in page
    ]
    toolbar = [("导出Excel", "?" + _export_query(request))]
    if can_manage(request.user):
        toolbar = [
            ("登记死亡医学证明", reverse("funeral:death_create")),
            ("登记无名尸体", reverse("funeral:unidentified_create")),
            ("导入数据文件", reverse("funeral:death_import")),
            *toolbar,
        ]
    return table_page(
        request, title="死亡信息", trail=crumbs(("死亡信息", None)), page_obj=page, headers=HEADERS, rows=rows,
        filter_form=ff, toolbar=toolbar,
        intro="每例已在人口库登记的死亡生成一条“死亡”登记变更，社会救助、养老服务等据此停发待遇、办理离院。",
    )  # fmt: skip


def _export_query(request) -> str:
    params = request.GET.copy()
    params["export"] = "xlsx"
    params.pop("page", None)
    return params.urlencode()


def death_detail(request, pk: int):
    x = sel.read_death(request.user, pk)
    names = names_of({x.division_code})
    fields = [
        ("姓名", x.display_name),
        ("公民身份号码", masked(x.id_number)),
        ("性别", {"1": "男", "2": "女"}.get(x.sex, "—")),
        ("出生日期", x.birth_date or "—"),
        ("死亡日期", x.death_date),
        ("死亡地点", x.get_death_place_display()),
        ("死亡原因类别", x.get_cause_display()),
        ("死亡医学证明编号", x.certificate_number or "—"),
        ("证明形式", x.get_certificate_form_display()),
        ("签发机构", f"{x.issuer_name}（{x.get_issuer_kind_display()}）"),
        ("签发日期", x.issued_on),
        ("区划", names.get(x.division_code, x.division_code)),
        ("人口库处理", x.registry_note),
        ("来源", x.get_source_display() + (f"（{x.death_import.file_name}）" if x.death_import else "")),
    ]
    if x.unidentified:
        fields += [("公安机关证明文书", x.police_document_number), ("体貌特征及发现情况", x.body_description)]
    order = getattr(x, "order", None)
    toolbar = []
    if order is not None:
        toolbar.append(("查看服务订单", reverse("funeral:order_detail", args=[order.pk])))
    elif can_manage(request.user):
        toolbar.append(("办理殡葬服务", reverse("funeral:order_create") + f"?death={x.pk}"))
    eco = getattr(x, "eco_burial", None)
    if eco is not None:
        fields.append(
            (
                "节地生态安葬",
                f"{eco.get_method_display()}（{eco.buried_on:%Y-%m-%d}），奖补{money(eco.award)}",
            )
        )
    elif can_manage(request.user):
        toolbar.append(("节地生态安葬登记", reverse("funeral:eco_create") + f"?death={x.pk}"))
    if can_manage(request.user) and not x.unidentified:
        memorial = getattr(x, "memorial", None)
        if memorial is None or memorial.withdrawn_on is not None:
            toolbar.append(("建立网上纪念馆", reverse("funeral:memorial_create") + f"?death={x.pk}"))
        toolbar.append(("代祭扫委托", reverse("funeral:proxy_create") + f"?death={x.pk}"))
    return detail_page(
        request, title=f"死亡信息：{x.display_name}",
        trail=crumbs(("死亡信息", reverse("funeral:death_list")), (x.display_name, None)),
        fields=fields, toolbar=toolbar, testid="death-detail",
    )  # fmt: skip


def death_create(request):
    require(request.user, Capability.MANAGE_FUNERAL)
    form = DeathCertificateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record = run_service(
            form, lambda: record_certificate(request.user, CertificateInput(**form.cleaned_data))
        )
        if record:
            messages.success(request, f"已登记 {record.name} 的死亡信息：{record.registry_note}")
            return redirect("funeral:death_detail", pk=record.pk)
    back = reverse("funeral:death_list")
    return form_page(
        request, title="登记居民死亡医学证明", trail=crumbs(("死亡信息", back), ("登记", None)), form=form,
        cancel_url=back, submit="登记",
        intro="按《居民死亡医学证明》填写；医疗卫生机构内死亡由该机构出具，家中、养老机构等正常死亡由社区卫生服务机构"
        "（乡镇卫生院）出具，未经救治的非正常死亡由公安机关出具。",
    )  # fmt: skip


def unidentified_create(request):
    require(request.user, Capability.MANAGE_FUNERAL)
    form = UnidentifiedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record = run_service(
            form, lambda: record_unidentified(request.user, UnidentifiedInput(**form.cleaned_data))
        )
        if record:
            messages.success(request, f"已登记无名尸体（{record.police_document_number}）")
            return redirect("funeral:death_detail", pk=record.pk)
    back = reverse("funeral:death_list")
    return form_page(
        request, title="登记无名尸体", trail=crumbs(("死亡信息", back), ("无名尸体", None)), form=form,
        cancel_url=back, submit="登记", intro="凭公安机关出具的证明文书登记；无名尸体的基本殡葬服务费用按惠民殡葬政策减免。",
    )  # fmt: skip


def death_import_page(request):
    form = DeathImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        require(request.user, Capability.MANAGE_FUNERAL)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                batch = death_import.import_deaths(
                    request.user, data=read_upload(upload), file_name=upload.name,
                    source_department=form.cleaned_data["source_department"],
                )  # fmt: skip
            except MinzhengError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                if batch.status == batch.REJECTED:
                    messages.error(
                        request,
                        f"文件有{len(batch.errors)}处错误，整份文件未导入，请下载错误报告修改后重新上传",
                    )
                else:
                    messages.success(
                        request,
                        f"已导入 {batch.rows_total} 条：新增 {batch.rows_added} 条，已登记未变更 {batch.rows_unchanged} 条",
                    )
                return redirect("funeral:death_import")
    batches = paginate(request, sel.import_list(request.user))
    return render(
        request,
        "funeral/death_import.html",
        base_context(
            "死亡信息数据导入", crumbs(("数据导入", None)), form=form, batches=batches,
            columns=death_import.COLUMNS, can_manage=can_manage(request.user),
        ),
    )  # fmt: skip


def import_template(request):
    return xlsx_response(death_import.template_workbook(), "死亡信息导入模板")


def import_errors(request, pk: int):
    batch = sel.import_detail(request.user, pk)
    return xlsx_response(error_report(batch.errors), f"死亡信息导入错误_{batch.pk}")
