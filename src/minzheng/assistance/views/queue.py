"""待办: the user's work queue — overdue and soon-due first — and completing 复核 / registry-change tasks."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from minzheng.core.errors import MinzhengError
from minzheng.policy.interface import working_calendar

from ..selectors.enrolments import current_amount, task_detail
from ..selectors.queue import work_queue
from ..services.case_deadlines import due_soon_days
from ..services.dynamic import REVIEW_OUTCOMES, complete_review, complete_task
from .common import page_context


def queue(request):
    today = timezone.localdate()
    items = work_queue(
        request.user,
        today,
        working_calendar(),
        due_soon_days=due_soon_days(request.user.division_code, today),
    )
    return render(
        request,
        "assistance/queue.html",
        {**page_context("queue", "待办"), "items": items, "today": today},
    )


def task_page(request, pk: int):
    task = task_detail(request.user, pk)
    today = timezone.localdate()
    amount = current_amount(task.enrolment, today) if task.enrolment else None
    if request.method == "POST":
        try:
            _complete(request, task)
        except MinzhengError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "任务已办结")
            return redirect("assistance:queue")
    return render(
        request,
        "assistance/task.html",
        {
            **page_context("queue", task.title, (task.title, None)),
            "task": task,
            "amount": amount,
            "outcomes": REVIEW_OUTCOMES,
            "today": today,
        },
    )


def _complete(request, task) -> None:
    post = request.POST
    if task.kind == task.REVIEW:
        try:
            amount = Decimal(post["monthly_amount"]) if post.get("monthly_amount") else None
            persons = int(post["persons"]) if post.get("persons") else None
            from_month = date.fromisoformat(post["from_month"] + "-01") if post.get("from_month") else None
        except (InvalidOperation, ValueError):
            raise MinzhengError("金额、人数或月份格式不正确", field="monthly_amount") from None
        complete_review(
            request.user, task, outcome=post.get("outcome", ""), reason=post.get("reason", ""),
            monthly_amount=amount, persons=persons, from_month=from_month,
        )  # fmt: skip
    else:
        complete_task(request.user, task, outcome=post.get("outcome_text", ""))
