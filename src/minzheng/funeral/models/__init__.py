from .cemeteries import (
    AnnualInspection,
    ApprovingLevel,
    Cemetery,
    CemeteryKind,
    CemeterySection,
    InspectionResult,
    Plot,
    PlotAreaLimit,
    PlotKind,
    PlotState,
)
from .deaths import CertificateForm, DeathCause, DeathImport, DeathPlace, DeathRecord, DeathSource, IssuerKind
from .eco import EcoAwardList, EcoAwardRule, EcoBurial, EcoMethod
from .homes import BasicService, FuneralHome, Furnace, HomeKind, ItemCategory, PriceKind, ServiceItem
from .orders import AshHandling, OrderLine, OrderStatus, ServiceOrder
from .settlements import PayableList, SettlementStatus, WaiverSettlement
from .waivers import WaiverCategory, WaiverRule

__all__ = [
    "AnnualInspection",
    "ApprovingLevel",
    "AshHandling",
    "BasicService",
    "Cemetery",
    "CemeteryKind",
    "CemeterySection",
    "CertificateForm",
    "DeathCause",
    "DeathImport",
    "DeathPlace",
    "DeathRecord",
    "DeathSource",
    "EcoAwardList",
    "EcoAwardRule",
    "EcoBurial",
    "EcoMethod",
    "FuneralHome",
    "Furnace",
    "HomeKind",
    "InspectionResult",
    "IssuerKind",
    "ItemCategory",
    "OrderLine",
    "OrderStatus",
    "PayableList",
    "Plot",
    "PlotAreaLimit",
    "PlotKind",
    "PlotState",
    "PriceKind",
    "ServiceItem",
    "ServiceOrder",
    "SettlementStatus",
    "WaiverCategory",
    "WaiverRule",
    "WaiverSettlement",
]
