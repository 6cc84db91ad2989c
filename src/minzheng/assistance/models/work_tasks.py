"""待办任务 beyond the cases themselves (复核, registry changes to act on) and the outbox consumers' cursors."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from .enrolments import Enrolment


class WorkTask(models.Model):
    """A task in a caseworker's 待办: a 复核 that falls due, or a registry change that ended or changed a benefit."""

    REVIEW, REGISTRY, REASSESSMENT = "review", "registry", "reassessment"
    KINDS = [(REVIEW, "定期复核"), (REGISTRY, "登记变更处理"), (REASSESSMENT, "生活自理能力重新评估")]
    OPEN, DONE = "open", "done"

    kind = models.CharField("类别", max_length=20, choices=KINDS)
    enrolment = models.ForeignKey(
        Enrolment, null=True, blank=True, on_delete=models.PROTECT, related_name="tasks"
    )
    household = models.ForeignKey("core.Household", on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    title = models.CharField("事项", max_length=200)
    detail = models.TextField("说明", blank=True)
    due_on = models.DateField("办理期限")
    status = models.CharField("状态", max_length=10, default=OPEN, choices=[(OPEN, "待办"), (DONE, "已办结")])
    registry_change_id = models.PositiveBigIntegerField("登记变更编号", null=True, blank=True)
    created_at = models.DateTimeField("生成时间", db_default=Now())
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_at = models.DateTimeField("办结时间", null=True, blank=True)
    outcome = models.TextField("办理结果", blank=True)

    class Meta:
        verbose_name = "待办任务"
        verbose_name_plural = "待办任务"
        indexes = [models.Index(fields=["division_code", "status", "due_on"])]
        constraints = [
            # One task per enrolment and registry change, and one open 复核 per enrolment: re-running the
            # consumer or the review scheduler never duplicates work.
            models.UniqueConstraint(
                fields=["registry_change_id", "enrolment", "household"], name="one_task_per_change"
            ),
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=models.Q(kind="review", status="open"),
                name="one_open_review_per_enrolment",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ConsumerCursor(models.Model):
    """How far an outbox consumer has read (e.g. the registry's changes), so it resumes and never repeats."""

    name = models.CharField("消费者", max_length=50, unique=True)
    position = models.PositiveBigIntegerField("已处理至", default=0)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "变更消费位置"
        verbose_name_plural = "变更消费位置"

    def __str__(self) -> str:
        return f"{self.name}@{self.position}"
