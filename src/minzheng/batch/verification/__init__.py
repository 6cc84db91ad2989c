"""家庭经济状况核对: the verification job over a snapshot of the exchange store (DuckDB or Spark)."""

from .contracts import REQUESTS_SCHEMA, REQUIRED_FOR_VERIFICATION
from .job import VerificationResult, read_results, run_verification, write_results
from .parameters import Parameter, default_parameters, parameters_table

__all__ = [
    "REQUESTS_SCHEMA",
    "REQUIRED_FOR_VERIFICATION",
    "Parameter",
    "VerificationResult",
    "default_parameters",
    "parameters_table",
    "read_results",
    "run_verification",
    "write_results",
]
