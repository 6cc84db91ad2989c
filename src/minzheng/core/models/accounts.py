"""Users bound to a division, their roles, and API tokens."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


class Role(models.Model):
    """角色: 经办人, 审核人, 审批人, 领导 (read-only), and the three administrators of 三员分立 (等保2.0 三级):
    系统管理员 (users, roles, settings), 安全管理员 (security policy, lockouts, second factors), 审计管理员 (reads
    the audit log, nothing else). No account holds two administrator roles. What each may do:
    ``core.permissions``."""

    CASEWORKER = "caseworker"
    REVIEWER = "reviewer"
    APPROVER = "approver"
    LEADER = "leader"
    SYSADMIN = "sysadmin"
    SECADMIN = "secadmin"
    AUDITADMIN = "auditadmin"
    # 县级残联审核人: the 残联's own account in 残疾人两项补贴 (审核 of certificate and grade), no 民政 step.
    CDPF_REVIEWER = "cdpf_reviewer"
    CHOICES = [
        (CASEWORKER, "经办人"),
        (REVIEWER, "审核人"),
        (APPROVER, "审批人"),
        (LEADER, "领导"),
        (SYSADMIN, "系统管理员"),
        (SECADMIN, "安全管理员"),
        (AUDITADMIN, "审计管理员"),
        (CDPF_REVIEWER, "残联审核人"),
    ]
    ADMINISTRATORS = frozenset({SYSADMIN, SECADMIN, AUDITADMIN})

    code = models.CharField("角色代码", max_length=20, unique=True, choices=CHOICES)
    name = models.CharField("角色名称", max_length=20)

    class Meta:
        verbose_name = "角色"
        verbose_name_plural = "角色"

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """平台用户: every user works for exactly one division (at any level); it is their jurisdiction."""

    full_name = models.CharField("姓名", max_length=50, blank=True)
    division_code = models.CharField("所属区划代码", max_length=12, db_index=True)
    roles = models.ManyToManyField(Role, verbose_name="角色", blank=True, related_name="users")
    phone = models.CharField("联系电话", max_length=20, blank=True)
    failed_login_count = models.PositiveSmallIntegerField("连续登录失败次数", default=0)
    locked_until = models.DateTimeField("锁定至", null=True, blank=True)
    password_changed_at = models.DateTimeField("密码修改时间", null=True, blank=True)
    must_change_password = models.BooleanField("下次登录须修改密码", default=False)
    totp_secret = models.CharField("动态口令密钥", max_length=64, blank=True)
    totp_enabled_at = models.DateTimeField("启用动态口令时间", null=True, blank=True)
    totp_last_step = models.BigIntegerField("最近使用的动态口令时间步", default=0)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    def role_codes(self) -> frozenset[str]:
        # Cached per instance: checked on every page render.
        if not hasattr(self, "_role_codes"):
            self._role_codes = frozenset(self.roles.values_list("code", flat=True))
        return self._role_codes

    @property
    def totp_enabled(self) -> bool:
        return bool(self.totp_secret and self.totp_enabled_at)

    def is_locked(self, now=None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or timezone.now())


class ApiToken(models.Model):
    """API 令牌: only its SHA-256 is stored; the plain token is shown once when issued."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("用途", max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField("过期时间")
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API 令牌"
        verbose_name_plural = "API 令牌"

    def __str__(self) -> str:
        return f"{self.user} · {self.prefix}…"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def new_key() -> str:
        return "mz_" + secrets.token_urlsafe(32)


class LoginThrottle(models.Model):
    """登录失败计数 for usernames that are not active accounts: an unknown name is counted and locked exactly
    like a real account, so the login answers do not tell which usernames exist."""

    username = models.CharField(max_length=150, unique=True)
    failed_login_count = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "登录失败计数"
        verbose_name_plural = "登录失败计数"

    def __str__(self) -> str:
        return self.username


class PasswordHistory(models.Model):
    """密码历史: the hashes of a user's recent passwords, so the last ones cannot be chosen again."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "密码历史"
        verbose_name_plural = "密码历史"
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d}"
