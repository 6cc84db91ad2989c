"""审计日志: append-only record of every write and every sensitive read.

Append-only is enforced twice: the model refuses updates and deletes, and database triggers (migration
0002) refuse them for anyone going around the ORM.
"""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


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

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
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

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("审计日志只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("审计日志只能追加，不能删除")
