"""Demo meetings, for `make run`: the first meetings of the CAM's 2016–2017 work plan (imported
from corpus 004 by the recommendations demo) planned from their calendar rows, and one
generated informal meeting with the IIN in the open cycle whose finding is an entry of the
IIN's draft report. The generated meeting says it is a demo in its title.

Idempotent: a row already planned is left alone, and the informal meeting is created once.
"""

from contextlib import suppress
from dataclasses import dataclass

from django.db import transaction

from followup.accounts.models import User
from followup.meetings import services
from followup.meetings.models import CalendarRow, Meeting
from followup.program.models import Actor
from followup.reporting.models import Entry, ReportingCycle

PLANNED_FROM_ROWS = 3
INFORMAL_TITLE = "Informal meeting with the IIN (demo)"


@dataclass
class MeetingsDemo:
    meetings: int = 0

    def summary(self) -> str:
        return f"Meetings: {self.meetings}."


def _informal_meeting(by: User) -> None:
    cycle = ReportingCycle.objects.filter(status=ReportingCycle.Status.OPEN).first()
    iin = Actor.objects.filter(slug="iin").first()
    if cycle is None or iin is None or Meeting.objects.filter(title=INFORMAL_TITLE).exists():
        return
    meeting = services.create_meeting(
        {
            "kind": Meeting.Kind.INFORMAL,
            "title": INFORMAL_TITLE,
            "status": Meeting.Status.HELD,
            "date": f"{cycle.opens_on.year}-11",
            "agenda": "Progress on the activities the Program assigns to the IIN\nPlans",
            "participants": [iin],
            "outcomes": "Generated demo outcome: the IIN will report its courses in its report.",
            "cycle": cycle,
        },
        by=by,
    )
    # Once the IIN's report is past draft the meeting stands without a finding.
    with suppress(services.MeetingError):
        services.record_finding_as_entry(
            meeting,
            actor=iin,
            title="Generated demo finding: courses on child protection in migration",
            narrative="Recorded from the demo informal meeting.",
            kind=Entry.Kind.PLANNED,
            by=by,
        )


@transaction.atomic
def load_meetings_demo(*, by: User) -> MeetingsDemo:
    if not CalendarRow.objects.filter(meeting__isnull=False).exists():
        for row in CalendarRow.objects.order_by("work_plan", "order")[:PLANNED_FROM_ROWS]:
            services.plan_meeting_from_row(row, by=by)
    _informal_meeting(by)
    return MeetingsDemo(meetings=Meeting.objects.count())
