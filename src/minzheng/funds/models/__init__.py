from .checks import CheckRun, Finding, FindingStatus
from .ledger import Allocation, Disbursement, Fund, FundKind, FundLevel
from .lottery import GameType, LotteryOutlet, OutletKind, OutletSales
from .projects import PerformanceIndicator, Project, ProjectCategory, ProjectProgress, ProjectSource

__all__ = [
    "Allocation",
    "CheckRun",
    "Disbursement",
    "Finding",
    "FindingStatus",
    "Fund",
    "FundKind",
    "FundLevel",
    "GameType",
    "LotteryOutlet",
    "OutletKind",
    "OutletSales",
    "PerformanceIndicator",
    "Project",
    "ProjectCategory",
    "ProjectProgress",
    "ProjectSource",
]
