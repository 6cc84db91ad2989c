"""文书机关: how each office in the jurisdiction heads and seals its documents and numbers them (文号)."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from minzheng.core.jurisdiction import covers, division_prefix, full_code
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.selectors.divisions import children_in_jurisdiction, division_name
from minzheng.web.kit import pages
from minzheng.web.kit.forms import run_service, submitted

from ..forms import OfficeForm
from ..rules.documents import DEFAULT_SUPERVISION_PHONE
from ..selectors.offices import can_have_office, issuing_office
from ..services.documents import save_office
from .common import page_context


def _offices_shown(user) -> list[str]:
    """The user's own office and those of the divisions right under it (a county: its townships)."""
    own = full_code(division_prefix(user.division_code))
    codes = [own] if can_have_office(own) else []
    codes += [d.code for d in children_in_jurisdiction(user, own) if can_have_office(d.code)]
    return codes


def office_list(request):
    can_manage = has_capability(request.user, Capability.MANAGE_POLICY)
    rows = []
    for code in _offices_shown(request.user):
        office = issuing_office(code)
        rows.append(
            [
                division_name(code),
                office.name,
                office.abbreviation,
                office.supervision_phone,
                pages.Cell("已设置", tag="green") if office.configured else pages.Cell("默认", tag="grey"),
                pages.Cell("设置", url=reverse("policy:office_edit", args=[code])) if can_manage else "",
            ]
        )
    return pages.table_page(
        request,
        frame=page_context("offices", "文书机关"),
        page_obj=None,
        headers=["区划", "机关名称", "机关代字", "监督电话", "状态", "操作"],
        rows=rows,
        intro=(
            "决定书、告知书等文书的抬头、落款和文号按发文机关设置；文号为 机关代字＋文种代字〔年份〕序号号，"
            f"按机关、文种、年度连续编号。未设置监督电话的沿用上级机关，均未设置时为 {DEFAULT_SUPERVISION_PHONE}。"
        ),
        template="policy/office_list.html",
    )


def office_edit(request, code: str):
    require(request.user, Capability.MANAGE_POLICY)
    if (
        not code.isdigit()
        or len(code) != 12
        or not covers(request.user.division_code, code)
        or not can_have_office(code)
    ):
        raise Http404("页面不存在")
    office = issuing_office(code)
    form = submitted(
        request,
        OfficeForm,
        initial={
            "name": office.name,
            "abbreviation": office.abbreviation,
            "supervision_phone": office.supervision_phone if office.configured else "",
        },
    )
    saved = (
        form.is_bound
        and form.is_valid()
        and run_service(form, lambda: save_office(request.user, division_code=code, **form.cleaned_data))
    )
    if saved:
        return redirect("policy:office_list")
    return pages.form_page(
        request,
        frame=page_context("offices", f"文书机关：{division_name(code)}", (division_name(code), None)),
        form=form,
        cancel_url=reverse("policy:office_list"),
        template="policy/office_form.html",
    )
