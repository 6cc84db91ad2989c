"""部门数据接入: department deliveries checked against the exchange contract and kept in the exchange store.

Both jobs read the store through a :class:`DatasetSnapshot`; intake itself always runs on DuckDB.
"""

from .contracts import DATASETS, Dataset
from .database import intake_database_table
from .delivery import intake_delivery
from .store import DatasetSnapshot, DeliveryReceipt, ExchangeStore

__all__ = [
    "DATASETS",
    "Dataset",
    "DatasetSnapshot",
    "DeliveryReceipt",
    "ExchangeStore",
    "intake_database_table",
    "intake_delivery",
]
