"""Resident identity providers (ADR 0034): who a resident is, decided by a pluggable class.

``settings.MINZHENG_RESIDENT_IDENTITY_PROVIDER`` names the class (dotted path). The platform ships
``LocalPasswordProvider`` (公民身份号码 + name + phone + password, kept in this app). The province's 统一身份认证
(国务院令第716号 第五条: 一次认证、全网通办) will be another class answering the same three questions; an SMS
one-time code (``SmsCodeProvider``) is designed here but not wired to a gateway: ``send_code`` refuses until a
gateway class is configured.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class ResidentClaim:
    """What a provider vouches for: the ID number (validated), the name, and the phone if it knows it."""

    id_number: str
    name: str
    phone: str = ""


class IdentityProvider(Protocol):
    code: str
    label: str
    registers_locally: bool  # True: the portal's own registration page creates the account

    def verify(self, id_number: str, secret: str) -> bool:
        """Is ``secret`` (password, one-time code, a federation ticket …) good for this ID number?"""


class LocalPasswordProvider:
    """The platform's own accounts: the password hash is on ``Resident`` (Django's hashers)."""

    code = "local"
    label = "身份证号码+密码"
    registers_locally = True

    def verify(self, id_number: str, secret: str) -> bool:
        from .services.residents import check_local_password

        return check_local_password(id_number, secret)


class SmsGateway(Protocol):
    def send(self, phone: str, text: str) -> None: ...


class SmsCodeProvider:
    """Designed, not built: a 6-digit code sent to the registered phone, valid 5 minutes, 5 tries.

    A deployment names a gateway class in ``MINZHENG_SMS_GATEWAY``; none ships, so ``send_code`` refuses."""

    code = "sms"
    label = "手机短信验证码"
    registers_locally = True

    def send_code(self, phone: str) -> None:
        gateway_path = getattr(settings, "MINZHENG_SMS_GATEWAY", "")
        if not gateway_path:
            from .errors import OnestopConflict

            raise OnestopConflict("短信验证码服务尚未开通，请使用密码登录")
        import_string(gateway_path)().send(phone, "验证码")  # pragma: no cover - no gateway in the platform

    def verify(self, id_number: str, secret: str) -> bool:
        return False


def provider() -> IdentityProvider:
    """The configured provider (the local one unless a deployment names another)."""
    path = getattr(
        settings, "MINZHENG_RESIDENT_IDENTITY_PROVIDER", "minzheng.onestop.identity.LocalPasswordProvider"
    )
    return import_string(path)()
