from .clients import Belonging, Client, Discharge, IntakeSource, ServiceKind, ServiceRecord, StayExtension
from .registry import FollowUpVisit, WanderRisk
from .stations import Room, RoomSex, Station
from .tracing import ActionKind, MatchProposal, MissingReport, ProposalStatus, ReturnTrip, TracingAction

__all__ = [
    "ActionKind", "Belonging", "Client", "Discharge", "FollowUpVisit", "IntakeSource", "MatchProposal",
    "MissingReport", "ProposalStatus", "ReturnTrip", "Room", "RoomSex", "ServiceKind", "ServiceRecord", "Station",
    "StayExtension", "TracingAction", "WanderRisk",
]  # fmt: skip
