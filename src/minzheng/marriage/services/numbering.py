"""婚姻登记证字号: the next number of a kind for a registry's certificate code and year.

The counter row is locked (``select_for_update``) inside the caller's transaction, so two registrars
registering at the same moment wait for each other: numbers are unique, and a registration that fails rolls
the counter back with it — no gaps.
"""

from django.db import IntegrityError, transaction

from ..errors import MarriageConflict
from ..models import CertificateCounter, Registry
from ..rules.certificates import SEQUENCE_MAX, certificate_number


def next_certificate_number(registry: Registry, kind: str, year: int) -> str:
    """Must run inside the transaction that stores the certificate (the lock lasts until it commits)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("certificate numbers are taken inside the registration's transaction")
    key = {"certificate_code": registry.certificate_code, "kind": kind, "year": year}
    try:
        with transaction.atomic():  # a savepoint: a concurrent first insert of the year loses cleanly
            CertificateCounter.objects.get_or_create(**key)
    except IntegrityError:
        pass
    counter = CertificateCounter.objects.select_for_update().get(**key)
    if counter.last >= SEQUENCE_MAX:
        raise MarriageConflict(f"{year}年证书字号已用完，请联系系统管理员")
    counter.last += 1
    counter.save(update_fields=["last"])
    return certificate_number(kind, registry.certificate_code, year, counter.last)
