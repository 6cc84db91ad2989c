"""What every 殡葬管理 page shares: the frame (sidebar, breadcrumb, tabs) around the kit's pages."""

from django.urls import reverse

from minzheng.core.identity import mask_id_number
from minzheng.core.permissions import Capability, has_capability
from minzheng.web.kit import pages
from minzheng.web.kit.pages import Action, Cell, Section, paginate, search  # noqa: F401  (re-exported)

NAV = "funeral"
ROOT = ("殡葬管理", "funeral:dashboard")

SUBNAV = [
    ("总览", "funeral:dashboard"),
    ("死亡信息", "funeral:death_list"),
    ("数据导入", "funeral:death_import"),
    ("服务订单", "funeral:order_list"),
    ("殡仪馆与服务清单", "funeral:home_list"),
    ("惠民殡葬政策", "funeral:waiver_list"),
    ("惠民殡葬结算", "funeral:settlement_list"),
    ("公墓", "funeral:cemetery_list"),
    ("节地生态安葬", "funeral:eco_list"),
    ("网络祭扫", "funeral:memorial_list"),
    ("殡葬监管", "funeral:inspection_list"),
]


def crumbs(*tail) -> list:
    return [("业务平台", None), (ROOT[0], reverse(ROOT[1])), *tail]


def base_context(title: str, trail: list, **extra) -> dict:
    return pages.frame(NAV, title, trail, subnav=SUBNAV, **extra)


def can_manage(user) -> bool:
    return has_capability(user, Capability.MANAGE_FUNERAL)


def can_set_policy(user) -> bool:
    return has_capability(user, Capability.MANAGE_POLICY)


def masked(id_number: str) -> str:
    return mask_id_number(id_number) if id_number else "—"


def table_page(request, *, title: str, trail: list, **declared):
    return pages.table_page(request, frame=base_context(title, trail), **declared)


def detail_page(request, *, title: str, trail: list, **declared):
    return pages.detail_page(request, frame=base_context(title, trail), **declared)


def form_page(request, *, title: str, trail: list, form, cancel_url: str, **declared):
    return pages.form_page(
        request, frame=base_context(title, trail), form=form, cancel_url=cancel_url, **declared
    )


def money(value) -> str:
    return f"¥{value:,.2f}"


def post_action(request, form, call, success: str, back: str):
    """A form posted from a detail page: on success a message, on error the messages — back to the page."""
    from django.contrib import messages
    from django.http import HttpResponseRedirect

    from minzheng.web.kit.forms import flash_errors, run_service

    if form.is_valid() and run_service(form, lambda: call(form.cleaned_data)) is not None:
        messages.success(request, success)
    else:
        flash_errors(request, form)
    return HttpResponseRedirect(back)


def maker_checker_actions(
    user, status: str, *, submit: str, approve: str, send_back: str, testid: str
) -> list:
    """The buttons of a payable list (惠民殡葬结算, 节地生态安葬奖补): 提交 by a preparer while a draft, 审核通过 or 退回 by
    an approver while submitted (the service refuses the preparer)."""
    from ..forms import ApproveForm, SendBackForm, SubmitForm

    actions = []
    if status == "draft" and has_capability(user, Capability.PREPARE_PAYROLL):
        actions.append(
            Action("提交审核", SubmitForm(), submit, "提交", "确定提交审核？", testid=f"{testid}-submit")
        )
    if status == "submitted" and has_capability(user, Capability.APPROVE_PAYROLL):
        actions += [
            Action(
                "审核通过", ApproveForm(), approve, "审核通过", "确定审核通过？", testid=f"{testid}-approve"
            ),
            Action("退回", SendBackForm(), send_back, "退回"),
        ]
    return actions


def list_status(row) -> Cell:
    return Cell(
        row.get_status_display(), tag={"approved": "green", "submitted": "orange"}.get(row.status, "grey")
    )
