"""导入批次 reads: a user's own recent batches; a batch of the user's jurisdiction (404 otherwise)."""

from django.db.models import QuerySet

from ..jurisdiction import get_in_jurisdiction_or_404
from ..models import ImportBatch


def my_batches(user, limit: int = 20) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.filter(uploaded_by=user).exclude(kind="demo").order_by("-pk")[:limit]


def my_batch(user, pk: int) -> ImportBatch | None:
    return ImportBatch.objects.filter(pk=pk, uploaded_by=user).first()


def batch_in_jurisdiction(user, pk: int) -> ImportBatch:
    return get_in_jurisdiction_or_404(ImportBatch.objects.all(), user, "division_code", pk=pk)
