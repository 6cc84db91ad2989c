"""Choices of the 区划地名 tables (Chinese labels; values are stable keys)."""

from django.db import models

from ..rules.naming import CATEGORY_LABELS

CATEGORY_CHOICES = [(c.value, label) for c, label in CATEGORY_LABELS.items()]


class NameStatus(models.TextChoices):
    APPROVED = "approved", "已批准"
    RENAMED = "renamed", "已更名"
    ABOLISHED = "abolished", "已废止"


class ApplicationKind(models.TextChoices):
    NAMING = "naming", "命名"
    RENAMING = "renaming", "更名"


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", "待审批"
    APPROVED = "approved", "已批准"
    REJECTED = "rejected", "不予批准"


class MarkerCondition(models.TextChoices):
    GOOD = "good", "完好"
    DAMAGED = "damaged", "损坏"
    MOVED = "moved", "移位"
    LOST = "lost", "丢失"


class RepairKind(models.TextChoices):
    REPAIR = "repair", "维修"
    MOVE = "move", "移动"
    ADD = "add", "增设"


class DisputeStatus(models.TextChoices):
    OPEN = "open", "处理中"
    SETTLED = "settled", "已解决"
