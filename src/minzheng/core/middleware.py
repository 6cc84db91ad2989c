"""Request-wide security: login required everywhere but the login page, idle session timeout (30 min),
and the client IP made available to the audit log."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect

from .request_context import client_ip, current_ip

# ``/public/``: pages a domain publishes on purpose (e.g. 养老机构信息公开), never personal data.
_PUBLIC_PREFIXES = ("/login/", "/static/", "/api/", "/healthz", "/public/")


class IdleSessionTimeoutMiddleware:
    """Log out a session idle for longer than SESSION_IDLE_TIMEOUT_SECONDS (等保: 会话超时)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(client_ip(request))
        try:
            if request.user.is_authenticated:
                now = time.time()
                last = request.session.get("last_activity")
                if last is not None and now - last > settings.SESSION_IDLE_TIMEOUT_SECONDS:
                    from .services.audit import record_event

                    record_event(request.user, "logout", summary="会话超时自动退出")
                    logout(request)
                    messages.info(request, "长时间未操作，会话已超时，请重新登录")
                    return redirect(f"/login/?next={request.path}")
            response = self.get_response(request)
            if request.user.is_authenticated and not request.path.startswith(
                "/api/"
            ):  # also right after login
                request.session["last_activity"] = time.time()
            return response
        finally:
            current_ip.reset(token)


class LoginRequiredMiddleware:
    """Every page needs a logged-in user; the API authenticates with tokens on its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated and not request.path.startswith(_PUBLIC_PREFIXES):
            return redirect(f"/login/?next={request.path}")
        return self.get_response(request)


# Where a user who must change their password (or set up a second factor) may still go.
_ACCOUNT_PATHS = ("/account/", "/logout/", "/login/", "/static/", "/api/", "/healthz", "/public/")


class AccountObligationsMiddleware:
    """A reset or expired password (口令定期更换) is changed before anything else; an administrator with TOTP
    required (``TOTP_REQUIRED_FOR_ADMINS``) sets up the second factor before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and not request.path.startswith(_ACCOUNT_PATHS):
            from .permissions import path_closed_to
            from .services.passwords import change_required
            from .services.second_factor import setup_required

            if change_required(request.user):
                return redirect("core:change_password")
            if setup_required(request.user):
                return redirect("core:second_factor")
            if path_closed_to(request.user, request.path):
                if request.path == "/":
                    return redirect("core:audit_list")
                from django.shortcuts import render

                message = "审计管理员只能查看审计日志"
                return render(
                    request, "web/error.html", {"message": message, "page_title": "无权访问"}, status=403
                )
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Content-Security-Policy (no inline script, no framing), Referrer-Policy and Permissions-Policy on
    every response; nosniff and X-Frame-Options come from Django's own middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class DomainErrorMiddleware:
    """An expected business error that escaped a view (e.g. a role without a capability) becomes a page
    with its Chinese message and status, never a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.shortcuts import render

        from .errors import MinzhengError

        if isinstance(exception, MinzhengError):
            return render(
                request,
                "web/error.html",
                {"message": exception.message, "page_title": "无法完成操作"},
                status=exception.status_code,
            )
        return None


class RequestLimitsMiddleware:
    """Limits every request meets before a view runs, each a 4xx in Chinese instead of a 500 deeper down:
    a body larger than ``MINZHENG_MAX_REQUEST_BYTES`` is refused (413) before Django reads a byte of it, so a
    huge upload cannot fill a worker's memory or disk; a NUL character in a query string, form field or JSON
    body (which PostgreSQL cannot store or compare in text) is refused (400)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.MINZHENG_MAX_REQUEST_BYTES
        if length > limit:
            return _refused(
                request, 413, "too_large", f"上传内容过大（不能超过 {limit // 1024 // 1024} MB），请分批上传"
            )
        if _has_nul(request):
            return _refused(request, 400, "invalid_character", "请求中含有不允许的控制字符（NUL）")
        return self.get_response(request)


def _has_nul(request) -> bool:
    if "%00" in request.META.get("QUERY_STRING", "") or "\x00" in request.path:
        return True
    content_type = request.META.get("CONTENT_TYPE", "")
    # Small bodies only (bounded by DATA_UPLOAD_MAX_MEMORY_SIZE); uploads are files, checked by their readers.
    if request.method in ("POST", "PUT", "PATCH") and content_type.startswith(
        ("application/json", "application/x-www-form-urlencoded")
    ):
        try:
            body = request.body
        except Exception:  # RequestDataTooBig and friends: Django answers those itself later
            return False
        return b"\x00" in body or b"\\u0000" in body or b"%00" in body
    return False


def _refused(request, status: int, title: str, message: str):
    # Runs before sessions and authentication: a plain answer, no page shell that needs a user.
    from django.http import HttpResponse, JsonResponse

    if request.path.startswith("/api/"):
        body = {"type": "about:blank", "title": title, "status": status, "detail": message, "errors": []}
        return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
