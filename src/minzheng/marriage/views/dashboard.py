"""婚姻登记 总览."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from minzheng.core.permissions import Capability, require

from ..selectors import dashboard
from .common import base_context, can_register, crumbs


def dashboard_page(request):
    require(request.user, Capability.VIEW_REGISTRY)
    today = timezone.localdate()
    links = [("离婚申请：待双方到场", reverse("marriage:divorce_list") + "?stage=appearance")]
    if can_register(request.user):
        links.insert(0, ("办理结婚登记", reverse("marriage:marriage_create")))
    return render(
        request,
        "marriage/dashboard.html",
        base_context(
            "婚姻登记总览",
            crumbs(("总览", None)),
            summary=dashboard.summary(request.user, today),
            links=links,
            today=today,
        ),
    )
