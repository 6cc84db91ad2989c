"""待办: the user's work queue — overdue and soon-due first — and completing 复核 / registry-change tasks."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from minzheng.core.errors import MinzhengError
from minzheng.policy.interface import working_calendar
from minzheng.web.kit.forms import error_lines

from ..page_forms import ReviewTaskForm, TaskForm
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
    if task.kind == task.REVIEW:
        typed = _typed(ReviewTaskForm(request.POST))
        complete_review(
            request.user, task, outcome=typed["outcome"], reason=typed["reason"],
            monthly_amount=typed["monthly_amount"], persons=typed["persons"], from_month=typed["from_month"],
        )  # fmt: skip
    else:
        complete_task(request.user, task, outcome=_typed(TaskForm(request.POST))["outcome_text"])


def _typed(form) -> dict:
    """The form's values; its errors (each naming its field) as one refusal, shown like a service's."""
    if not form.is_valid():
        raise MinzhengError("；".join(error_lines(form)))
    return form.cleaned_data
