"""What every 社会组织 service needs: the capability check, the jurisdiction check, text checks, audit."""

from django.db import models
from django.http import Http404

from minzheng.core.jurisdiction import covers, division_level
from minzheng.core.models import Division
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot

from ..errors import InvalidSocialOrgInput, SocialOrgConflict


def check_in_jurisdiction(actor, record_division_code: str) -> None:
    """Writes on another registry's record are refused as if it did not exist."""
    if not covers(actor.division_code, record_division_code):
        raise Http404("记录不存在或不在您的管辖范围内")


def registry_of(actor) -> str:
    """The registry a bureau user works for: their own division, which must be county level or above
    (乡镇、街道 do not register social organisations)."""
    code = actor.division_code or ""
    if not code or not 1 <= division_level(code) <= 3:
        raise InvalidSocialOrgInput("社会组织由县级以上民政部门登记，乡镇（街道）账号不能受理登记")
    return code


def own_registry(actor, record_division_code: str) -> None:
    """Decisions belong to the registry that holds the record: a superior bureau sees it (jurisdiction) but
    does not decide for the county's registry."""
    check_in_jurisdiction(actor, record_division_code)
    if (actor.division_code or "") != record_division_code:
        raise SocialOrgConflict("该事项由登记管理机关本级决定，上级民政部门只能查看")


def not_own_work(actor, made_by_id: int | None, what: str) -> None:
    """Maker-checker: nobody decides on what they received or entered themselves."""
    if made_by_id is not None and made_by_id == actor.pk:
        raise SocialOrgConflict(f"不能对本人受理的{what}作出决定，请由其他审核人员办理")


def valid_division(code: str, field: str, *, min_level: int, max_level: int = 5) -> str:
    """A division code in force at one of the levels asked for (2 市 … 4 乡镇 5 村/社区), else the field's error."""
    code = (code or "").strip()
    if not Division.objects.filter(code=code, valid_to__isnull=True).exists() or not (
        min_level <= division_level(code) <= max_level
    ):
        raise InvalidSocialOrgInput("请选择有效的行政区划", field=field)
    return code


def require_text(value: str, field: str, label: str, max_length: int, required: bool = True) -> str:
    value = (value or "").strip()
    if not value and required:
        raise InvalidSocialOrgInput(f"请填写{label}", field=field)
    if len(value) > max_length:
        raise InvalidSocialOrgInput(f"{label}不能超过{max_length}个字", field=field)
    return value


def audit(actor, action: str, row: models.Model, summary: str, fields: list[str], before: dict | None = None):
    record_event(
        actor,
        action,
        object_type=f"socialorgs.{row._meta.model_name}",
        object_id=row.pk,
        division_code=getattr(row, "division_code", ""),
        summary=summary,
        before=before,
        after=snapshot(row, fields),
    )


__all__ = [
    "Capability",
    "audit",
    "check_in_jurisdiction",
    "not_own_work",
    "own_registry",
    "registry_of",
    "require",
    "require_text",
    "snapshot",
]
