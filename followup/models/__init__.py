"""The yearly follow-up of a strategy: rounds, each actor's report, the network's meetings."""

from .meeting import NetworkMeeting
from .reminder import SentReminder
from .report import ActivityStatus, ActorReport, ReportedActivity
from .representative import NetworkRepresentative
from .round import FollowUpRound

__all__ = [
    "ActivityStatus",
    "ActorReport",
    "FollowUpRound",
    "NetworkMeeting",
    "NetworkRepresentative",
    "ReportedActivity",
    "SentReminder",
]
