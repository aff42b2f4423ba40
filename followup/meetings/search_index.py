"""The CAM's work-plan calendar rows in the search index: the work plan is a public document."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from followup.meetings.models import CalendarRow, WorkPlan
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
        date=row.date,
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
