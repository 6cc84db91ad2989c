"""What every 养老服务 service needs: the capability check, the division check, USCC validation, audit."""

from django.db import models
from stdnum.cn import uscc

from minzheng.core.errors import MinzhengError
from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot
from minzheng.core.services.registry import check_residence_division

from ..errors import InvalidEldercareInput


def check_division(actor, code: str, field: str = "division_code") -> str:
    """A current township/village code inside the actor's jurisdiction (the error names ``field``)."""
    code = (code or "").strip()
    if not code:
        raise InvalidEldercareInput("请选择所在区划（到乡镇街道或村社区）", field=field)
    try:
        check_residence_division(actor, code)
    except MinzhengError as error:
        raise InvalidEldercareInput(error.message.replace("居住地", "所在地"), field=field) from None
    return code


def check_in_jurisdiction(actor, record_division_code: str) -> None:
    """Writes on a record of another region are refused as if it did not exist (services' last line)."""
    from django.http import Http404

    if not covers(actor.division_code, record_division_code):
        raise Http404("记录不存在或不在您的管辖范围内")


def clean_uscc(value: str, field: str = "operator_uscc", required: bool = True) -> str:
    """统一社会信用代码 (GB 32100-2015) checked by python-stdnum ``cn.uscc``."""
    value = (value or "").strip().upper()
    if not value:
        if required:
            raise InvalidEldercareInput("请填写统一社会信用代码", field=field)
        return ""
    if not uscc.is_valid(value):
        raise InvalidEldercareInput(f"统一社会信用代码“{value}”不正确（应为18位且校验码正确）", field=field)
    return uscc.compact(value)


def require_text(value: str, field: str, label: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidEldercareInput(f"请填写{label}", field=field)
    if len(value) > max_length:
        raise InvalidEldercareInput(f"{label}不能超过{max_length}个字", field=field)
    return value


def audit(actor, action: str, row: models.Model, summary: str, fields: list[str], before: dict | None = None):
    record_event(
        actor,
        action,
        object_type=f"eldercare.{row._meta.model_name}",
        object_id=row.pk,
        division_code=getattr(row, "division_code", ""),
        summary=summary,
        before=before,
        after=snapshot(row, fields),
    )


__all__ = [
    "Capability",
    "audit",
    "check_division",
    "check_in_jurisdiction",
    "clean_uscc",
    "require",
    "snapshot",
]
