"""The user's own account: 修改密码 (also where a reset or expired password sends them)."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.shortcuts import redirect, render

from ..errors import MinzhengError
from ..services.passwords import change_own_password, change_required


def change_password(request):
    error, field = "", ""
    reason = change_required(request.user)
    if request.method == "POST":
        new = request.POST.get("new_password", "")
        if new != request.POST.get("new_password2", ""):
            error, field = "两次输入的新密码不一致", "new_password2"
        else:
            try:
                change_own_password(
                    request.user, old_password=request.POST.get("old_password", ""), new_password=new
                )
            except MinzhengError as exc:
                error, field = exc.message, exc.field or ""
            else:
                update_session_auth_hash(request, request.user)
                messages.success(request, "密码已修改")
                return redirect("web:home")
    return render(
        request,
        "core/change_password.html",
        {
            "page_title": "修改密码",
            "breadcrumbs": [("修改密码", None)],
            "reason": reason,
            "error": error,
            "error_field": field,
            "help_texts": _help_texts(),
        },
        status=400 if error else 200,
    )


def _help_texts() -> list[str]:
    from django.contrib.auth.password_validation import password_validators_help_texts

    return password_validators_help_texts()
