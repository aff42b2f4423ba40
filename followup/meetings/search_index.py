"""The CAM's calendar in the search index: work-plan calendar rows and meetings. Both are public,
like the CAM's calendar; a row leads to its place in its work plan's page."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from followup.meetings.models import CalendarRow, Meeting, WorkPlan
from followup.search.sources import Document, Source, register


def rows() -> QuerySet[CalendarRow]:
    return CalendarRow.objects.select_related("work_plan").prefetch_related("mandates")


def row_document(row: CalendarRow) -> Document:
    when = row.date_text or row.date
    activity = row.activity if len(row.activity) <= 160 else row.activity[:160] + "…"
    mandates = " ".join(mandate.symbol for mandate in row.mandates.all())
    # The work plans we hold are the CAM's English documents.
    return Document(
        titles={"en": f"{when}: {activity}" if when else activity},
        texts=[
            (
                "en",
                "\n".join(p for p in (row.activity, row.notes, mandates, row.work_plan.title) if p),
            )
        ],
        public=True,
        route=("meetings:work_plan_detail", [row.work_plan_id]),
        anchor=f"row-{row.pk}",
        date=row.date,
    )


def meetings() -> QuerySet[Meeting]:
    return Meeting.objects.prefetch_related("mandates", "participants")


def meeting_document(meeting: Meeting) -> Document:
    mandates = " ".join(mandate.symbol for mandate in meeting.mandates.all())
    participants = list(meeting.participants.all())
    names = "\n".join(
        " ".join(
            part
            for part in (actor.name_en, actor.acronym_en, actor.name_es, actor.acronym_es)
            if part
        )
        for actor in participants
    )
    details = (meeting.agenda, meeting.outcomes, meeting.location, mandates, names)
    return Document(
        titles={meeting.language: meeting.title},
        texts=[(meeting.language, "\n".join(part for part in details if part))],
        public=True,
        route=("meetings:meeting_detail", [meeting.pk]),
        date=meeting.date,
        actors=[actor.pk for actor in participants],
    )


register(
    Source(
        kind="calendar",
        model=CalendarRow,
        label=_("Work plan meeting"),
        queryset=rows,
        document=row_document,
        triggers={WorkPlan: lambda plan: plan.rows.values_list("pk", flat=True)},
        m2m_fields=("mandates",),
    )
)

register(
    Source(
        kind="meeting",
        model=Meeting,
        label=_("Meeting"),
        queryset=meetings,
        document=meeting_document,
        m2m_fields=("mandates", "participants"),
    )
)
