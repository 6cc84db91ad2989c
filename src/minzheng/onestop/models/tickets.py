"""12345/12349 工单: received from the 12345 platform (import/API) or by phone, handled with 5-WD clocks."""

from django.db import models


class TicketChannel(models.TextChoices):
    PLATFORM = "platform", "12345平台派单"
    PHONE = "phone", "电话受理"
    ELDER_LINE = "elder_line", "12349为老服务热线"


class TicketStatus(models.TextChoices):
    RECEIVED = "received", "待派单"
    ASSIGNED = "assigned", "办理中"
    RETURNED = "returned", "退单待审核"
    REPLIED = "replied", "已答复"
    COMPLETED = "completed", "已办结"
    VISITED = "visited", "已回访"
    NOT_ACCEPTED = "not_accepted", "不予受理"
    MERGED = "merged", "已合并"


class Ticket(models.Model):
    """工单: caller (anonymous allowed), 派单目录 category, location, content, 主办/协办, clocks, 回访, 督办."""

    number = models.CharField("工单编号", max_length=32, unique=True)
    external_id = models.CharField("12345平台编号", max_length=40, blank=True, db_index=True)
    channel = models.CharField("来源", max_length=12, choices=TicketChannel.choices)
    category = models.CharField("派单目录", max_length=20)
    division_code = models.CharField("发生地", max_length=12, db_index=True)
    address = models.CharField("详细地点", max_length=200, blank=True)
    anonymous = models.BooleanField("匿名", default=False)
    caller_name = models.CharField("来电人", max_length=50, blank=True)
    caller_phone = models.CharField("来电号码", max_length=20, blank=True)
    wants_reply = models.BooleanField("需要回复", default=True)
    content = models.TextField("诉求内容")
    status = models.CharField(
        "状态", max_length=14, choices=TicketStatus.choices, default=TicketStatus.RECEIVED
    )
    received_on = models.DateField("受理日期")
    due_on = models.DateField("办理期限", null=True, blank=True)
    instant_answer = models.BooleanField("即时解答", default=False)
    not_accepted_reason = models.CharField("不予受理原因", max_length=20, blank=True)
    lead_unit_code = models.CharField("主办单位", max_length=12, blank=True, db_index=True)
    assisting_unit_codes = models.JSONField("协办单位", default=list)
    reply = models.TextField("答复内容", blank=True)
    replied_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    callback_result = models.CharField("回访结果", max_length=12, blank=True)
    callback_note = models.TextField(blank=True)
    callback_on = models.DateField(null=True, blank=True)
    supervision_level = models.PositiveSmallIntegerField("督办级别", default=0)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged"
    )
    application = models.ForeignKey(
        "onestop.Application", null=True, blank=True, on_delete=models.PROTECT, related_name="tickets"
    )
    created_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-received_on", "-pk"]

    def __str__(self) -> str:
        return self.number


class TicketEvent(models.Model):
    """派单、转办、退回、审核、答复、办结、回访、督办、合并 — each with its reason."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=20)
    label = models.CharField(max_length=60)
    reason = models.TextField(blank=True)
    unit_code = models.CharField(max_length=12, blank=True)
    actor = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.label
