from .deaths import CertificateForm, DeathCause, DeathImport, DeathPlace, DeathRecord, DeathSource, IssuerKind
from .homes import BasicService, FuneralHome, Furnace, HomeKind, ItemCategory, PriceKind, ServiceItem
from .orders import AshHandling, OrderLine, OrderStatus, ServiceOrder
from .waivers import WaiverCategory, WaiverRule

__all__ = [
    "AshHandling",
    "BasicService",
    "CertificateForm",
    "DeathCause",
    "DeathImport",
    "DeathPlace",
    "DeathRecord",
    "DeathSource",
    "FuneralHome",
    "Furnace",
    "HomeKind",
    "IssuerKind",
    "ItemCategory",
    "OrderLine",
    "OrderStatus",
    "PriceKind",
    "ServiceItem",
    "ServiceOrder",
    "WaiverCategory",
    "WaiverRule",
]
