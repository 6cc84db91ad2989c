from .choices import (
    AppraisalResult,
    CommitteeKind,
    DisclosureCategory,
    EventKind,
    EventStatus,
    MeetingKind,
    MemberRole,
    RoundStatus,
)
from .committees import Appraisal, Committee, Member, SupervisionMember, VillagerGroup
from .elections import Candidate, ElectionRound, Objection, Recall, Voter
from .facilities import CommunityWorker, Grid, GridEvent, GridHousehold, GridWorker, ServiceCentre
from .meetings import Decision, DisclosureItem, Meeting

__all__ = [
    "Appraisal",
    "AppraisalResult",
    "Candidate",
    "Committee",
    "CommitteeKind",
    "CommunityWorker",
    "Decision",
    "DisclosureCategory",
    "DisclosureItem",
    "ElectionRound",
    "EventKind",
    "EventStatus",
    "Grid",
    "GridEvent",
    "GridHousehold",
    "GridWorker",
    "Meeting",
    "MeetingKind",
    "Member",
    "MemberRole",
    "Objection",
    "Recall",
    "RoundStatus",
    "ServiceCentre",
    "SupervisionMember",
    "VillagerGroup",
    "Voter",
]
