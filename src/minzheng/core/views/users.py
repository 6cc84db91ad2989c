"""用户管理 pages: the 系统管理员 creates, edits (division, roles, disable) and resets passwords; the 安全管理员
unlocks accounts and resets second factors. Both see the accounts of their jurisdiction only."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..account_rules import ADMINISTRATOR_ROLES
from ..errors import MinzhengError
from ..forms import AccountForm
from ..models import Role
from ..permissions import Capability, has_capability, require
from ..selectors.divisions import names_of
from ..selectors.users import UserFilter, access_user
from ..selectors.users import user_list as select_users
from ..services import users
from .common import paginate

_BREADCRUMB = ("用户管理", "/system/users/")


def _context(request, **extra) -> dict:
    return {
        "active_nav": "users",
        "page_title": "用户管理",
        "can_manage": has_capability(request.user, Capability.MANAGE_USERS),
        "can_secure": has_capability(request.user, Capability.MANAGE_SECURITY),
        "roles": Role.CHOICES,
        **extra,
    }


def user_list(request):
    filters = UserFilter(
        q=request.GET.get("q", "").strip()[:50],
        role=request.GET.get("role", "") if request.GET.get("role", "") in dict(Role.CHOICES) else "",
        status=request.GET.get("status", "")
        if request.GET.get("status") in ("active", "disabled", "locked")
        else "",
    )
    page = paginate(request, select_users(request.user, filters))
    names = names_of({u.division_code for u in page})
    now = timezone.now()
    rows = [(u, names.get(u.division_code, u.division_code), u.is_locked(now)) for u in page]
    return render(
        request,
        "core/user_list.html",
        _context(request, page_obj=page, rows=rows, filters=filters, breadcrumbs=[(_BREADCRUMB[0], None)]),
    )


def _account(request) -> dict:
    """The account form's values; its first error (naming the field) is shown like a service's refusal."""
    form = AccountForm(request.POST, roles=Role.CHOICES)
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        raise MinzhengError(errors[0], field=name)
    return form.cleaned_data


def _fields(request, typed: dict) -> users.AccountFields:
    return users.AccountFields(
        full_name=typed["full_name"],
        division_code=typed["division_code"] or request.user.division_code,
        role_codes=frozenset(typed["roles"]),
        phone=typed["phone"],
    )


def _form(request, *, target=None, error="", post=None, status=200):
    post = post or {}
    return render(
        request,
        "core/user_form.html",
        _context(
            request,
            target=target,
            error=error,
            post=post,
            # the roles ticked before a refusal, as the form reads them
            chosen=set(AccountForm(post, roles=Role.CHOICES)["roles"].value() or ())
            if hasattr(post, "getlist")
            else set(target.role_codes() if target else ()),
            admin_roles=ADMINISTRATOR_ROLES,
            breadcrumbs=[_BREADCRUMB, ("修改用户" if target else "新增用户", None)],
        ),
        status=status,
    )


def user_create(request):
    require(request.user, Capability.MANAGE_USERS)
    if request.method == "POST":
        try:
            typed = _account(request)
            user, password = users.add_user(
                request.user, username=typed["username"], fields=_fields(request, typed)
            )
        except MinzhengError as exc:
            return _form(request, error=exc.message, post=request.POST, status=400)
        return _password_shown(request, user, password)
    return _form(request)


def user_edit(request, pk: int):
    require(request.user, Capability.MANAGE_USERS)
    target = access_user(request.user, pk)
    if request.method == "POST":
        try:
            typed = _account(request)
            users.update_user(
                request.user, pk, fields=_fields(request, typed), is_active=typed["is_active"] == "1"
            )
        except MinzhengError as exc:
            return _form(request, target=target, error=exc.message, post=request.POST, status=400)
        messages.success(request, f"已保存用户 {target.username}")
        return redirect("core:user_list")
    post = {
        "full_name": target.full_name,
        "division_code": target.division_code,
        "phone": target.phone,
        "is_active": target.is_active,
    }
    return _form(request, target=target, post=post)


def _password_shown(request, user, password):
    return render(
        request,
        "core/user_password_shown.html",
        _context(request, target=user, password=password, breadcrumbs=[_BREADCRUMB, ("初始密码", None)]),
    )


@require_POST
def user_reset_password(request, pk: int):
    user, password = users.reset_password(request.user, pk)
    return _password_shown(request, user, password)


@require_POST
def user_unlock(request, pk: int):
    user = users.unlock_user(request.user, pk)
    messages.success(request, f"已解除用户 {user.username} 的登录锁定")
    return redirect("core:user_list")


@require_POST
def user_reset_second_factor(request, pk: int):
    user = users.reset_second_factor(request.user, pk)
    messages.success(request, f"已重置用户 {user.username} 的动态口令")
    return redirect("core:user_list")
