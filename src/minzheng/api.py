"""The REST API: one NinjaAPI, each domain app contributing a router. OpenAPI docs at /api/docs.

Errors share one RFC 7807-style body: {"type", "title", "status", "detail", "errors": [...]}, in Chinese.
"""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer

from minzheng.core.errors import MinzhengError
from minzheng.core.permissions import require_path_open
from minzheng.core.request_context import client_ip, current_ip
from minzheng.core.services.accounts import user_for_api_token


class TokenAuth(HttpBearer):
    """Authorization: Bearer <token> (issued by POST /api/auth/token)."""

    def authenticate(self, request, token):
        user = user_for_api_token(token)
        if user is not None:
            require_path_open(user, request.path)  # 三员分立: the 审计管理员 reaches only the audit log
            request.user = user
            current_ip.set(client_ip(request))
        return user


api = NinjaAPI(
    title="智慧民政服务管理平台 API",
    version="1",
    description="所有接口按用户所属区划限定数据范围；证件号码默认脱敏；敏感读取与所有写入记入审计日志。",
    auth=TokenAuth(),
    urls_namespace="api",
)


def problem(request, status: int, title: str, detail: str, errors: list | None = None):
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, "errors": errors or []}
    return api.create_response(request, body, status=status)


@api.exception_handler(MinzhengError)
def _domain_error(request, exc: MinzhengError):
    errors = exc.errors or ([{"field": exc.field, "message": exc.message}] if exc.field else [])
    return problem(
        request,
        exc.status_code,
        exc.code,
        exc.message,
        [e if isinstance(e, dict) else e.as_dict() for e in errors],
    )


@api.exception_handler(Http404)
def _not_found(request, exc):
    return problem(request, 404, "not_found", "记录不存在或不在您的管辖范围内")


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return problem(
        request, 401, "unauthenticated", "未登录或令牌无效，请在请求头中提供 Authorization: Bearer <令牌>"
    )


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    errors = [
        {"field": ".".join(str(p) for p in e.get("loc", [])), "message": e.get("msg", "")} for e in exc.errors
    ]
    return problem(request, 422, "validation_error", "请求参数不正确", errors)


from minzheng.assistance.api import router as assistance_router  # noqa: E402
from minzheng.core.api import router as core_router  # noqa: E402  (routers import ``api`` helpers)
from minzheng.eldercare.api import router as eldercare_router  # noqa: E402
from minzheng.monitoring.api import router as monitoring_router  # noqa: E402
from minzheng.payments.api import router as payments_router  # noqa: E402
from minzheng.planning.api import router as planning_router  # noqa: E402
from minzheng.verification.api import router as verification_router  # noqa: E402

api.add_router("/", core_router)
api.add_router("/assistance/", assistance_router)
api.add_router("/planning/", planning_router)
api.add_router("/verification/", verification_router)
api.add_router("/eldercare/", eldercare_router)
api.add_router("/payments/", payments_router)
api.add_router("/monitoring/", monitoring_router)
