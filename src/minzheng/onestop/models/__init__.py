"""Tables of 全市通办."""

from .applications import AppEvent, Application, AppStatus, Channel, Evaluation, Material
from .catalogue import Domain, Matter
from .residents import Resident, ResidentSession, ResidentThrottle
from .tickets import Ticket, TicketChannel, TicketEvent, TicketStatus

__all__ = [
    "AppEvent",
    "AppStatus",
    "Application",
    "Channel",
    "Domain",
    "Evaluation",
    "Material",
    "Matter",
    "Resident",
    "ResidentSession",
    "ResidentThrottle",
    "Ticket",
    "TicketChannel",
    "TicketEvent",
    "TicketStatus",
]
