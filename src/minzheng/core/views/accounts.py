"""The user's own account: 修改密码 (also where a reset or expired password sends them)."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.shortcuts import redirect, render

from ..errors import MinzhengError
from ..forms import PasswordChangeForm
from ..services.passwords import change_own_password, change_required


def change_password(request):
    error, field = "", ""
    reason = change_required(request.user)
    if request.method == "POST":
        form = PasswordChangeForm(request.POST)
        if not form.is_valid():
            field, errors = next(iter(form.errors.items()))
            error = errors[0]
        else:
            try:
                change_own_password(
                    request.user,
                    old_password=form.cleaned_data["old_password"],
                    new_password=form.cleaned_data["new_password"],
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
