"""Every write on work plans, calendar rows and meetings: one function per use case, called by
the workspace pages, the API, commands and tests.

Each function checks the permission it needs, reads dates through `followup.dates` (so a bad
date gets the same message here as everywhere else), saves through `Model.save()` with the
history attributed to `by`, and returns what it wrote. Validation errors are
`ValidationError`s keyed by field, which forms show beside the field; a rule refusing the
action altogether is a `MeetingError`.

By topic: `plans` (work plans and their calendar rows), `meetings` (meetings, their documents,
the meeting a row plans), `findings` (a meeting's findings as report entries or
recommendations, written by the apps that own them). Callers import from here.
"""

from followup.meetings.services.common import MeetingError
from followup.meetings.services.findings import (
    record_finding_as_entry,
    record_finding_as_recommendation,
    source_for_meeting,
)
from followup.meetings.services.meetings import (
    DOCUMENT_FIELDS,
    MEETING_FIELDS,
    MEETING_RELATIONS,
    add_document,
    create_meeting,
    kind_for_activity,
    plan_meeting_from_row,
    save_meeting,
)
from followup.meetings.services.plans import (
    ROW_FIELDS,
    WORK_PLAN_FIELDS,
    add_calendar_row,
    create_work_plan,
    save_calendar_row,
    save_work_plan,
)

__all__ = [
    "DOCUMENT_FIELDS",
    "MEETING_FIELDS",
    "MEETING_RELATIONS",
    "ROW_FIELDS",
    "WORK_PLAN_FIELDS",
    "MeetingError",
    "add_calendar_row",
    "add_document",
    "create_meeting",
    "create_work_plan",
    "kind_for_activity",
    "plan_meeting_from_row",
    "record_finding_as_entry",
    "record_finding_as_recommendation",
    "save_calendar_row",
    "save_meeting",
    "save_work_plan",
    "source_for_meeting",
]
