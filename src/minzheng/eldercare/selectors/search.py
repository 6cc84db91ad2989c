"""全局检索 over 养老服务: the elders the registry finds for a term (name, ID fragment, 户编号, phone) as
residents (入住), 特殊困难老年人 and assessed elders (能力评估) — each scoped by its own division code."""

from django.db.models import F
from django.urls import reverse

from minzheng.core.identity import mask_id_number
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.search_terms import SearchTerm
from minzheng.core.selectors.search import LIMIT, SearchHit, person_pks

from ..models import CapabilityAssessment, HardshipElder, Residency
from .common import scoped


def search_elders(user, term: SearchTerm, limit: int = LIMIT) -> list[SearchHit]:
    """Residents (current stays first), 特殊困难老年人 and the latest assessments of the persons found."""
    if not term.searchable or not has_capability(user, Capability.VIEW_REGISTRY):
        return []
    persons = person_pks(user, term)
    stays = (
        scoped(Residency.objects.filter(person__in=persons), user)
        .select_related("person", "institution")
        .order_by(F("discharged_on").desc(nulls_first=True), "-admitted_on", "-pk")[:limit]
    )
    hits = [
        SearchHit(
            stay.pk,
            f"入住老人 {stay.person.name}",
            " · ".join(
                (
                    mask_id_number(stay.person.id_number),
                    stay.institution.name,
                    f"入住 {stay.admitted_on:%Y-%m-%d}",
                    f"离院 {stay.discharged_on:%Y-%m-%d}" if stay.discharged_on else "在住",
                )
            ),
            reverse("eldercare:residency_detail", args=[stay.pk]),
        )
        for stay in stays
    ]
    elders = scoped(HardshipElder.objects.filter(person__in=persons), user).select_related("person")
    hits += [
        SearchHit(
            elder.pk,
            f"特殊困难老年人 {elder.person.name}",
            " · ".join(
                (
                    mask_id_number(elder.person.id_number),
                    f"登记 {elder.registered_on:%Y-%m-%d}",
                    f"已退出 {elder.ended_on:%Y-%m-%d}" if elder.ended_on else "在册",
                )
            ),
            reverse("eldercare:elder_detail", args=[elder.pk]),
        )
        for elder in elders.order_by("-registered_on", "-pk")[:limit]
    ]
    assessments = scoped(CapabilityAssessment.objects.filter(person__in=persons), user).select_related(
        "person"
    )
    hits += [
        SearchHit(
            assessment.pk,
            f"能力评估 {assessment.person.name}",
            " · ".join(
                (
                    mask_id_number(assessment.person.id_number),
                    f"评估日期 {assessment.assessed_on:%Y-%m-%d}",
                    assessment.get_level_display(),
                )
            ),
            reverse("eldercare:assessment_detail", args=[assessment.pk]),
        )
        for assessment in assessments.order_by("-assessed_on", "-pk")[:limit]
    ]
    return hits[:limit]
