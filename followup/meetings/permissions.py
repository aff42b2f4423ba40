"""Who may see and do what with work plans, calendar rows and meetings. Pages, feeds and
services all ask here.

The CAM's calendar is public: everyone reads work plans, their rows, meetings, their documents
and feeds. Only the secretariat (who may change meetings) writes. A meeting's findings land in
an actor's report or in the recommendations, whose own rules the reporting and
recommendations services apply on top of these.
"""

from followup.reporting.permissions import AnyUser


def can_read_meetings(user: AnyUser) -> bool:
    return True


def can_manage_meetings(user: AnyUser) -> bool:
    """Create and edit work plans, calendar rows, meetings and their documents, and record a
    meeting's findings."""
    return bool(user.is_active and user.has_perm("meetings.change_meeting"))
