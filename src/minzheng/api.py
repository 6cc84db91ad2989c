"""The REST API: one NinjaAPI, each domain app contributing a router. OpenAPI docs at /api/docs.

Errors share one RFC 7807-style body: {"type", "title", "status", "detail", "errors": [...]}, in Chinese.
"""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
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


# The one error body, as documented for every operation (RFC 7807 style, messages in Chinese).
PROBLEM_SCHEMA = {
    "title": "Problem",
    "type": "object",
    "description": "错误信息（RFC 7807 风格）：title 为错误代码，detail 为中文说明，errors 逐项列出字段或行的问题",
    "required": ["type", "title", "status", "detail", "errors"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string", "description": "错误代码，如 validation_error、not_found"},
        "status": {"type": "integer"},
        "detail": {"type": "string", "description": "中文说明"},
        "errors": {
            "type": "array",
            "items": {"type": "object"},
            "description": "逐项问题：field/row/message",
        },
    },
}
ERROR_RESPONSES = {
    "400": "请求不符合业务规则（如金额、区划代码、文件内容有误）",
    "401": "未登录或令牌无效",
    "403": "无权进行此操作",
    "404": "记录不存在或不在您的管辖范围内",
    "409": "与现有记录冲突",
    "413": "上传内容过大",
    "422": "请求参数格式不正确",
}


class MinzhengAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document also describes the error answers every operation can give."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        problem_ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_RESPONSES.items():
                    responses.setdefault(status, {"description": description, "content": problem_ref})
        return schema


api = MinzhengAPI(
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


# pydantic's error types in Chinese, with the bound that was crossed (ctx); others fall back to a generic line.
_MESSAGES = {
    "missing": "必填",
    "greater_than_equal": "不能小于 {ge}",
    "greater_than": "应大于 {gt}",
    "less_than_equal": "不能大于 {le}",
    "less_than": "应小于 {lt}",
    "string_too_long": "长度不能超过 {max_length} 个字符",
    "string_too_short": "长度不能少于 {min_length} 个字符",
    "too_long": "不能超过 {max_length} 项",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "decimal_parsing": "应为数值，如 700 或 700.50",
    "decimal_type": "应为数值，如 700 或 700.50",
    "decimal_max_places": "最多 {decimal_places} 位小数",
    "decimal_max_digits": "数值过大",
    "decimal_whole_digits": "数值过大",
    "finite_number": "应为有限的数值",
    "float_parsing": "应为数值",
    "bool_parsing": "应为 true 或 false",
    "date_parsing": "应为日期，如 2026-01-31",
    "date_from_datetime_parsing": "应为日期，如 2026-01-31",
    "date_type": "应为日期，如 2026-01-31",
    "datetime_parsing": "应为时间，如 2026-01-31T08:00:00",
    "string_type": "应为文本",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "model_attributes_type": "应为对象",
    "json_invalid": "请求体不是有效的 JSON",
    "literal_error": "取值无效",
    "enum": "取值无效",
    "string_pattern_mismatch": "格式不正确",
}


def chinese_message(error: dict) -> str:
    """One pydantic error as a Chinese sentence (a ``ValueError`` raised by our own validators is kept)."""
    if error.get("type") == "value_error":
        return str(error.get("ctx", {}).get("error", error.get("msg", "")))
    template = _MESSAGES.get(error.get("type", ""))
    if template is None:
        return "取值不正确"
    try:
        return template.format(**{k: v for k, v in (error.get("ctx") or {}).items()})
    except (KeyError, IndexError, ValueError):
        return "取值不正确"


_HTTP_ERRORS = {
    400: ("bad_request", "请求体不是有效的 JSON 或表单"),
    405: ("method_not_allowed", "不支持此请求方法"),
    413: ("too_large", "上传内容过大"),
}


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    """django-ninja's own refusals (an unreadable body…) in the same body and in Chinese."""
    title, detail = _HTTP_ERRORS.get(exc.status_code, ("error", "请求无法处理"))
    return problem(request, exc.status_code, title, detail)


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    errors = [
        {"field": ".".join(str(p) for p in e.get("loc", [])), "message": chinese_message(e)}
        for e in exc.errors
    ]
    return problem(request, 422, "validation_error", "请求参数不正确", errors)


from minzheng.core.api import router as core_router  # noqa: E402  (routers import ``api`` helpers)

api.add_router("/", core_router)


def _add_domain_routers() -> None:
    """Every domain app's ``api.router`` under ``/api/<label>/``, in INSTALLED_APPS order — a new domain adds
    no line here."""
    from minzheng.core.discovery import app_modules

    for config, module in app_modules("api", skip=frozenset({"core"})):
        api.add_router(f"/{config.label}/", module.router)


_add_domain_routers()
