"""审计日志: append-only record of every write and every sensitive read.

Append-only is enforced three times: the model refuses updates and deletes; database triggers (migrations
0002 and 0004) refuse UPDATE, DELETE, TRUNCATE and an INSERT over an existing id (SQLite's ``INSERT OR
REPLACE``) for anyone going around the ORM; and every row is linked to the one before it by a hash chain
(``core.audit_chain``), so anything that still gets through is found by ``manage.py verify_audit_chain``.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from ..audit_chain import GENESIS, row_digest


def _plain_json(value):
    # What the database will give back: the JSON the encoder writes, decoded again.
    return None if value is None else json.loads(json.dumps(value, cls=DjangoJSONEncoder))


class AuditChainHead(models.Model):
    """The end of the audit hash chain (one row). Appends lock it (SELECT … FOR UPDATE), so concurrent
    transactions extend the chain one after the other and never fork it."""

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS)

    class Meta:
        verbose_name = "审计日志链尾"
        verbose_name_plural = "审计日志链尾"

    def __str__(self) -> str:
        return f"{self.last_id} {self.last_hash[:12]}"


class AuditEventManager(models.Manager):
    def bulk_create(self, objs, *args, **kwargs):
        """Every insert extends the chain: ids and hashes are assigned under the chain-head lock."""
        objs = list(objs)
        if not objs:
            return objs
        with transaction.atomic(using=self.db):
            head, _ = AuditChainHead.objects.using(self.db).select_for_update().get_or_create(pk=1)
            now = timezone.now()
            for event in objs:
                head.last_id += 1
                event.pk = head.last_id
                event.at = now
                event.prev_hash = head.last_hash
                row = {name: getattr(event, name) for name in ("id", "at", "user_id", "username", "ip")}
                row |= {
                    "action": event.action,
                    "object_type": event.object_type,
                    "object_id": str(event.object_id),
                    "division_code": event.division_code,
                    "summary": event.summary,
                    "before": _plain_json(event.before),
                    "after": _plain_json(event.after),
                }
                event.object_id = row["object_id"]
                event.row_hash = head.last_hash = row_digest(event.prev_hash, row)
            created = super().bulk_create(objs, *args, **kwargs)
            head.save(update_fields=["last_id", "last_hash"])
        return created


class AuditEvent(models.Model):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    READ_DETAIL = "read_detail"
    READ_ID_NUMBER = "read_id_number"
    EXPORT = "export"
    IMPORT = "import"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    ACTIONS = [
        (CREATE, "新增"),
        (UPDATE, "修改"),
        (DELETE, "删除"),
        (READ_DETAIL, "查看详情"),
        (READ_ID_NUMBER, "查看完整证件号"),
        (EXPORT, "导出"),
        (IMPORT, "导入"),
        (LOGIN, "登录"),
        (LOGIN_FAILED, "登录失败"),
        (LOGOUT, "退出"),
    ]

    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    user = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    username = models.CharField("用户名", max_length=150, blank=True)
    ip = models.GenericIPAddressField("IP 地址", null=True, blank=True)
    action = models.CharField("操作", max_length=20, choices=ACTIONS, db_index=True)
    object_type = models.CharField("对象类型", max_length=50, blank=True)
    object_id = models.CharField("对象标识", max_length=64, blank=True)
    division_code = models.CharField("对象区划", max_length=12, blank=True, db_index=True)
    summary = models.CharField("摘要", max_length=300, blank=True)
    before = models.JSONField("变更前", null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField("变更后", null=True, blank=True, encoder=DjangoJSONEncoder)
    prev_hash = models.CharField("前一条哈希", max_length=64, blank=True, default="")
    row_hash = models.CharField("本条哈希", max_length=64, blank=True, default="")

    objects = AuditEventManager()

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding or self.pk is not None:
            raise PermissionError("审计日志只能追加，不能修改")
        type(self).objects.bulk_create([self])

    def delete(self, *args, **kwargs):
        raise PermissionError("审计日志只能追加，不能删除")
