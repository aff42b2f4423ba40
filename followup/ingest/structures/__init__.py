"""Structures found in a document's block sequence: recommendation lists under their groups,
a work plan's calendar, and a Program's activities listed under each actor."""

from followup.ingest.structures.activities import ProgramActivityItem, find_program_activities
from followup.ingest.structures.calendar import CalendarRow, find_calendar, parse_calendar_date
from followup.ingest.structures.recommendations import RecommendationItem, find_recommendations

__all__ = [
    "CalendarRow",
    "ProgramActivityItem",
    "RecommendationItem",
    "find_calendar",
    "find_program_activities",
    "find_recommendations",
    "parse_calendar_date",
]
