"""How far 养老服务 has read the registry's outbox (its own cursor; 社会救助 keeps another)."""

from django.db import models


class RegistryCursor(models.Model):
    name = models.CharField("消费者", max_length=50, unique=True)
    position = models.PositiveBigIntegerField("已处理至", default=0)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "登记变更消费位置"
        verbose_name_plural = "登记变更消费位置"

    def __str__(self) -> str:
        return f"{self.name}@{self.position}"
