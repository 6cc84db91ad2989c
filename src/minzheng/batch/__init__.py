"""Batch engine for 家庭经济状况核对: department data intake and the verification job (DuckDB or Spark).

Pure Python + SQL, no Django: the verification app's services call these functions and copy the Arrow
results into the database. See README.md in this package for the contracts.
"""

from .backends import Backend, DuckDBBackend
from .contracts import DATASETS, REQUIRED_FOR_VERIFICATION
from .errors import (
    BatchError,
    DeliveryFormatError,
    DeliverySchemaError,
    EmptyDeliveryError,
    JobInputError,
    UnknownDatasetError,
)
from .intake import intake_delivery
from .parameters import Parameter, default_parameters, parameters_table
from .store import DatasetSnapshot, DeliveryReceipt, ExchangeStore
from .verification import VerificationResult, read_results, run_verification, write_results

__all__ = [
    "DATASETS",
    "REQUIRED_FOR_VERIFICATION",
    "Backend",
    "BatchError",
    "DatasetSnapshot",
    "DeliveryFormatError",
    "DeliveryReceipt",
    "DeliverySchemaError",
    "DuckDBBackend",
    "EmptyDeliveryError",
    "ExchangeStore",
    "JobInputError",
    "Parameter",
    "UnknownDatasetError",
    "VerificationResult",
    "default_parameters",
    "intake_delivery",
    "parameters_table",
    "read_results",
    "run_verification",
    "write_results",
]
