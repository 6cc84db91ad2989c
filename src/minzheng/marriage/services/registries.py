"""婚姻登记机关 and 登记员: set up by the approving level or the administrator, inside their jurisdiction."""

from django.db import transaction

from minzheng.core.errors import MinzhengError
from minzheng.core.jurisdiction import division_prefix, parse_division_code
from minzheng.core.models import AuditEvent, Division, User

from ..errors import InvalidMarriageInput, MarriageConflict
from ..models import Registrar, Registry, RegistryLevel
from .common import Capability, audit, check_in_jurisdiction, require

_REGISTRY_FIELDS = ["name", "division_code", "certificate_code", "level", "address", "phone", "active"]


@transaction.atomic
def create_registry(
    actor, *, name: str, division_code: str, level: str, address: str = "", phone: str = ""
) -> Registry:
    """设立婚姻登记机关 (婚姻登记条例 第二条): a county-level office, a designated township, or the province."""
    require(actor, Capability.MANAGE_MARRIAGE_REGISTRIES)
    name = (name or "").strip()
    if not name:
        raise InvalidMarriageInput("请填写登记机关名称", field="name")
    try:
        code = parse_division_code(division_code)
    except MinzhengError as error:
        raise InvalidMarriageInput(error.message, field="division_code") from None
    if not code or not Division.objects.filter(code=code).exists():
        raise InvalidMarriageInput("请选择登记机关所在的行政区划", field="division_code")
    check_in_jurisdiction(actor, code)
    if level not in RegistryLevel.values:
        raise InvalidMarriageInput("请选择机关类别", field="level")
    expected = {RegistryLevel.PROVINCIAL: 2, RegistryLevel.COUNTY: 6, RegistryLevel.TOWNSHIP: 9}[level]
    if len(division_prefix(code)) != expected:
        raise InvalidMarriageInput(
            {
                2: "省级登记机关应选择省级区划",
                6: "县级登记机关应选择县（市、区）",
                9: "乡（镇）登记机关应选择乡镇",
            }[expected],
            field="division_code",
        )
    if Registry.objects.filter(name=name).exists():
        raise MarriageConflict(f"已有名为“{name}”的登记机关", field="name")
    registry = Registry.objects.create(
        name=name,
        division_code=code,
        certificate_code=code[:6],
        level=level,
        address=(address or "").strip(),
        phone=(phone or "").strip(),
    )
    audit(actor, AuditEvent.CREATE, registry, f"设立婚姻登记机关 {name}", _REGISTRY_FIELDS)
    return registry


@transaction.atomic
def add_registrar(actor, registry: Registry, *, user: User, qualification_number: str = "") -> Registrar:
    """A caseworker of the registry's area becomes one of its 登记员 (or is put back on duty)."""
    require(actor, Capability.MANAGE_MARRIAGE_REGISTRIES)
    check_in_jurisdiction(actor, registry.division_code)
    if user is None or not user.is_active:
        raise InvalidMarriageInput("请选择在用的用户", field="user")
    if "caseworker" not in user.role_codes():
        raise InvalidMarriageInput(
            f"{user.full_name or user.username}不是经办人，不能担任登记员", field="user"
        )
    if not (user.division_code or "").startswith(division_prefix(registry.division_code)[:6]):
        raise InvalidMarriageInput("登记员应为该登记机关所在县（市、区）的用户", field="user")
    registrar, created = Registrar.objects.update_or_create(
        registry=registry,
        user=user,
        defaults={
            "division_code": registry.division_code,
            "qualification_number": (qualification_number or "").strip(),
            "active": True,
        },
    )
    audit(
        actor,
        AuditEvent.CREATE if created else AuditEvent.UPDATE,
        registrar,
        f"{registry.name}登记员：{user.full_name or user.username}",
        ["registry", "user", "qualification_number", "active"],
    )
    return registrar


@transaction.atomic
def set_registrar_active(actor, registrar: Registrar, *, active: bool) -> Registrar:
    require(actor, Capability.MANAGE_MARRIAGE_REGISTRIES)
    check_in_jurisdiction(actor, registrar.division_code)
    before = {"active": registrar.active}
    registrar.active = active
    registrar.save(update_fields=["active"])
    audit(
        actor,
        AuditEvent.UPDATE,
        registrar,
        f"登记员{'恢复在岗' if active else '离岗'}",
        ["active"],
        before=before,
    )
    return registrar
