from .checks import CheckRun, Finding, FindingStatus
from .ledger import Allocation, Disbursement, Fund, FundKind, FundLevel

__all__ = [
    "Allocation",
    "CheckRun",
    "Disbursement",
    "Finding",
    "FindingStatus",
    "Fund",
    "FundKind",
    "FundLevel",
]
