"""婚姻登记机关 and 登记员 reads."""

from django.db.models import Count, Q, QuerySet

from minzheng.core.jurisdiction import division_prefix, scope
from minzheng.core.models import User

from ..models import Registrar, Registry
from .common import one, scoped


def registry_list(user) -> QuerySet[Registry]:
    return (
        scoped(Registry.objects.all(), user)
        .annotate(registrar_count=Count("registrars", filter=Q(registrars__active=True)))
        .order_by("division_code", "name")
    )


def registry_detail(user, pk: int) -> Registry:
    return one(Registry.objects.all(), user, pk)


def registrars_of(registry: Registry) -> QuerySet[Registrar]:
    return registry.registrars.select_related("user").order_by("-active", "user__full_name")


def registrar_detail(user, pk: int) -> Registrar:
    return one(Registrar.objects.select_related("registry", "user"), user, pk)


def registries_served_by(user) -> QuerySet[Registry]:
    """The active registries where ``user`` is an active 登记员 (inside their jurisdiction)."""
    return (
        scoped(Registry.objects.filter(active=True), user)
        .filter(registrars__user=user, registrars__active=True)
        .order_by("name")
    )


def registrar_candidates(user, registry: Registry) -> QuerySet[User]:
    """Active caseworkers of the registry's county, inside the user's jurisdiction."""
    county = division_prefix(registry.division_code)[:6]
    return (
        scope(User.objects.filter(is_active=True, roles__code="caseworker"), user, "division_code")
        .filter(division_code__startswith=county)
        .distinct()
        .order_by("username")
    )


def registry_options(user) -> list[tuple[int, str]]:
    """(pk, name) of the registries inside the user's jurisdiction, for filters."""
    return list(
        scoped(Registry.objects.all(), user).order_by("division_code", "name").values_list("pk", "name")
    )
