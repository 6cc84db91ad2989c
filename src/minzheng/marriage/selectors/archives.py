"""婚姻档案 reads: a marriage's documents, the query log (scoped by the querying user's division)."""

from django.db.models import QuerySet

from ..models import ArchiveDocument, ArchiveQuery, MarriageRecord
from .common import scoped


def documents_of(marriage: MarriageRecord) -> QuerySet[ArchiveDocument]:
    return marriage.documents.select_related("uploaded_by").order_by("uploaded_at", "id")


def query_log(user) -> QuerySet[ArchiveQuery]:
    return scoped(ArchiveQuery.objects.select_related("user"), user).order_by("-queried_at", "-id")


def status_query_log(user):
    from ..models import StatusQuery

    return scoped(StatusQuery.objects.select_related("user"), user).order_by("-queried_at", "-id")
