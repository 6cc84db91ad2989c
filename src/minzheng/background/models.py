"""后台任务: one user's long action (发起核对, a generated report …) run by the task worker, with its progress
and its result — a link to a page or a generated file kept under the var dir."""

from django.db import models
from django.db.models import Q


class BackgroundJob(models.Model):
    """后台任务: who started what, where it stands (stage, steps), and what came of it.

    ``job_key`` names *the thing* the job does (e.g. the 核对 of case 12): while one job with a key is queued or
    running, starting the same thing again returns it (a double-click never runs twice) — a partial unique
    constraint holds this even against two requests at the same instant."""

    QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
    STATUSES = [(QUEUED, "排队中"), (RUNNING, "进行中"), (DONE, "已完成"), (FAILED, "失败")]
    ACTIVE = (QUEUED, RUNNING)

    title = models.CharField("任务", max_length=200)
    runner = models.CharField("执行函数", max_length=200)  # dotted path of a registered job function
    params = models.JSONField("参数", default=dict, blank=True)
    job_key = models.CharField("任务键", max_length=200, db_index=True)
    division_code = models.CharField("所属区划", max_length=12, db_index=True)
    capability = models.CharField("所需权限", max_length=40, blank=True)
    started_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    status = models.CharField("状态", max_length=10, choices=STATUSES, default=QUEUED, db_index=True)
    stage = models.CharField("当前阶段", max_length=100, blank=True)
    steps_done = models.PositiveIntegerField("已完成步骤", default=0)
    steps_total = models.PositiveIntegerField("步骤总数", default=0)
    result_url = models.CharField("结果链接", max_length=500, blank=True)
    result_label = models.CharField("结果说明", max_length=200, blank=True)
    result_file = models.CharField("结果文件", max_length=300, blank=True)  # relative to VAR_DIR/background
    result_file_name = models.CharField("文件名", max_length=200, blank=True)
    result_content_type = models.CharField(max_length=100, blank=True)
    error = models.TextField("失败原因", blank=True)
    created_at = models.DateTimeField("发起时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    # The lease (ADR 0016): the worker holding a running job (host:pid) renews ``heartbeat_at``; a job whose
    # worker is gone goes back to the queue (``leases.recover_abandoned``), at most ``MAX_ATTEMPTS`` times.
    worker = models.CharField("执行进程", max_length=100, blank=True)
    heartbeat_at = models.DateTimeField("最近心跳", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("执行次数", default=0)

    class Meta:
        verbose_name = "后台任务"
        verbose_name_plural = "后台任务"
        constraints = [
            models.UniqueConstraint(
                fields=["job_key"],
                condition=Q(status__in=["queued", "running"]),
                name="one_active_job_per_key",
            )
        ]

    def __str__(self) -> str:
        return f"后台任务{self.pk}（{self.title}）"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def percent(self) -> int:
        if self.status == self.DONE:
            return 100
        return min(100, round(100 * self.steps_done / self.steps_total)) if self.steps_total else 0
