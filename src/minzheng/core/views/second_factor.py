"""动态口令 pages: set-up from the account menu, and the second step of a login."""

import time

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from ..errors import MinzhengError
from ..forms import OneTimeCodeForm
from ..models import User
from ..selectors.users import pending_login_user
from ..services import second_factor
from ..services.audit import record_event

PENDING_SECONDS = 300


def setup(request):
    user = request.user
    error = ""
    if request.method == "POST":
        secret = request.session.get("totp_proposed", "")
        try:
            second_factor.enable(user, secret, _typed_code(request))
        except MinzhengError as exc:
            error = exc.message
        else:
            request.session.pop("totp_proposed", None)
            messages.success(request, "动态口令已启用，今后登录须输入手机上的6位数字")
            return redirect("web:home")
    if not user.totp_enabled and "totp_proposed" not in request.session:
        request.session["totp_proposed"] = second_factor.propose_secret()
    secret = request.session.get("totp_proposed", "")
    return render(
        request,
        "core/second_factor.html",
        {
            "page_title": "动态口令",
            "breadcrumbs": [("动态口令", None)],
            "enabled": user.totp_enabled,
            "required": second_factor.setup_required(user),
            "secret": secret,
            "uri": second_factor.provisioning_uri(user, secret) if secret else "",
            "error": error,
        },
        status=400 if error else 200,
    )


def start_login(request, user: User, target: str):
    """After a correct password: log in, or — with a second factor — ask for the code first."""
    if not user.totp_enabled:
        login(request, user, backend="minzheng.core.auth.LockoutModelBackend")
        return None
    request.session["pending_user"] = user.pk
    request.session["pending_since"] = time.time()
    request.session["pending_next"] = target
    return redirect("core:second_factor_login")


def verify_at_login(request):
    pk, since = request.session.get("pending_user"), request.session.get("pending_since", 0)
    user = pending_login_user(pk)
    if user is None or time.time() - since > PENDING_SECONDS:
        request.session.pop("pending_user", None)
        messages.info(request, "请重新登录")
        return redirect("web:login")
    error = ""
    if request.method == "POST":
        try:
            second_factor.check(user, _typed_code(request))
        except MinzhengError as exc:
            error = exc.message
        else:
            target = request.session.pop("pending_next", "")
            request.session.pop("pending_user", None)
            login(request, user, backend="minzheng.core.auth.LockoutModelBackend")
            record_event(user, "login", object_type="user", object_id=user.pk, summary="动态口令验证通过")
            if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                return redirect(target)
            return redirect("web:home")
    return render(request, "core/second_factor_login.html", {"error": error}, status=401 if error else 200)


def _typed_code(request) -> str:
    """The six digits as typed; a form error (naming the field) stops before the service counts an attempt."""
    form = OneTimeCodeForm(request.POST)
    if not form.is_valid():
        raise MinzhengError(form.errors["code"][0], field="code")
    return form.cleaned_data["code"]
