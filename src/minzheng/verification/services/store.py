"""The exchange store of department deliveries, under the installation's var/ directory."""

from django.conf import settings

from minzheng.batch.intake import ExchangeStore


def exchange_store() -> ExchangeStore:
    return ExchangeStore(root=settings.VAR_DIR / "exchange")
