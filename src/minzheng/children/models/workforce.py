"""未成年人保护 workforce: 未成年人保护工作站 per township, 儿童督导员 / 儿童主任 (实名) and their training."""

from django.db import models

from ..rules import workforce as rules


class ProtectionStation(models.Model):
    """乡镇（街道）未成年人保护工作站 (未保法 Art 81): opened, its staff, closed."""

    division_code = models.CharField("乡镇（街道）区划代码", max_length=12, db_index=True)
    name = models.CharField("工作站名称", max_length=100)
    opened_on = models.DateField("建成日期")
    staff_count = models.PositiveSmallIntegerField("专职工作人员数")
    staff_note = models.CharField("工作人员（姓名、专兼职）", max_length=200, blank=True)
    closed_on = models.DateField("撤销日期", null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "未成年人保护工作站"
        verbose_name_plural = "未成年人保护工作站"
        constraints = [
            models.UniqueConstraint(
                fields=["division_code"],
                condition=models.Q(closed_on__isnull=True),
                name="children_one_open_station",
            )
        ]

    def __str__(self) -> str:
        return self.name


class WorkerRole(models.TextChoices):
    SUPERVISOR = rules.SUPERVISOR, rules.ROLE_LABELS[rules.SUPERVISOR]
    DIRECTOR = rules.DIRECTOR, rules.ROLE_LABELS[rules.DIRECTOR]


class ChildWorker(models.Model):
    """儿童督导员 (one per township) or 儿童主任 (one per village), 实名, with appointment dates."""

    role = models.CharField("岗位", max_length=10, choices=WorkerRole.choices)
    division_code = models.CharField("所在区划代码", max_length=12, db_index=True)
    name = models.CharField("姓名", max_length=50)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    background = models.CharField("身份（村居委委员、大学生村官、社会工作者等）", max_length=50, blank=True)
    appointed_on = models.DateField("任职日期")
    ended_on = models.DateField("离任日期", null=True, blank=True)
    end_reason = models.CharField("离任原因", max_length=100, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "儿童督导员、儿童主任"
        verbose_name_plural = "儿童督导员、儿童主任"
        constraints = [
            models.UniqueConstraint(
                fields=["role", "division_code"],
                condition=models.Q(ended_on__isnull=True),
                name="children_one_worker_per_post",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.name}"


class Training(models.Model):
    worker = models.ForeignKey(ChildWorker, on_delete=models.PROTECT, related_name="trainings")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    trained_on = models.DateField("培训日期")
    hours = models.DecimalField("学时", max_digits=5, decimal_places=1)
    topic = models.CharField("培训内容", max_length=100)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "培训记录"
        verbose_name_plural = "培训记录"
        constraints = [
            models.CheckConstraint(condition=models.Q(hours__gt=0), name="children_training_hours_positive")
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.trained_on}"


class ProtectionInstitution(models.Model):
    """县级未成年人救助保护机构 (未保法 Art 92–96; 民政部 2019 "推动流浪未成年人救助保护机构转型"): the county's
    institution and the day it was transformed (挂牌/批复), so 县级未保机构转型率 is counted, never typed."""

    division_code = models.CharField("县（市、区）区划代码", max_length=12, db_index=True)
    name = models.CharField("机构名称", max_length=100)
    transformed_on = models.DateField("转型（挂牌）日期")
    basis = models.CharField("依据（编办批复、挂牌文件等）", max_length=200)
    closed_on = models.DateField("撤销日期", null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "未成年人救助保护机构"
        verbose_name_plural = "未成年人救助保护机构"
        constraints = [
            models.UniqueConstraint(
                fields=["division_code"],
                condition=models.Q(closed_on__isnull=True),
                name="children_one_open_institution",
            )
        ]

    def __str__(self) -> str:
        return self.name
