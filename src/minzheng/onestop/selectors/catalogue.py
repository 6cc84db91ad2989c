"""The 事项清单 as the public 办事指南 shows it (no personal data)."""

from django.http import Http404

from ..models import Matter


def public_matters():
    return Matter.objects.filter(enabled=True).order_by("sort", "code")


def public_matter(code: str) -> Matter:
    matter = Matter.objects.filter(code=code, enabled=True).first()
    if matter is None:
        raise Http404("事项不存在")
    return matter
