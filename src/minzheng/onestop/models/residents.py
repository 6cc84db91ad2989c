"""居民账号: the resident portal's own accounts and sessions, apart from staff accounts (ADR 0034)."""

from django.db import models


class Resident(models.Model):
    """A resident registered on the portal with 公民身份号码 + name + phone; linked to the registry's person."""

    id_number = models.CharField("公民身份号码", max_length=18, unique=True)
    name = models.CharField("姓名", max_length=50)
    phone = models.CharField("手机号码", max_length=11)
    password = models.CharField(max_length=128)
    provider = models.CharField("认证方式", max_length=40, default="local")
    person_id = models.BigIntegerField("人口库人员", null=True, blank=True, db_index=True)
    failed_login_count = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "居民账号"

    def __str__(self) -> str:
        return self.name


class ResidentSession(models.Model):
    """A resident's login: only the SHA-256 of the cookie's token is kept; idle and absolute expiry."""

    resident = models.ForeignKey(Resident, on_delete=models.CASCADE, related_name="sessions")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return "居民会话"


class ResidentThrottle(models.Model):
    """Failures against an ID number that has no account: counted and locked exactly like a real one."""

    key = models.CharField(max_length=64, unique=True)  # SHA-256 of the ID number: no number kept in clear
    failed_login_count = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return "登录限制"
