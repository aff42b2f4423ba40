"""Report entries in the search index: public once their report is published."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from followup.reporting.models import ActorReport, Entry, EntryCountry, Figure
from followup.search.sources import Document, Source, register


def entries() -> QuerySet[Entry]:
    return Entry.objects.select_related("report__cycle", "report__actor").prefetch_related(
        "countries", "themes", "population_groups", "partners", "figures", "activities"
    )


def entry_document(entry: Entry) -> Document | None:
    report = entry.report
    if entry.deleted_at or report.deleted_at:
        return None
    figures = "\n".join(str(figure) for figure in entry.figures.all())
    activities = " ".join(activity.code for activity in entry.activities.all())
    partners = [partner.pk for partner in entry.partners.all()]
    return Document(
        titles={entry.language: entry.title},
        texts=[(entry.language, "\n".join(p for p in (entry.narrative, figures, activities) if p))],
        public=report.status == ActorReport.Status.PUBLISHED,
        route=("reporting:report_detail", [report.cycle.slug, report.actor.slug]),
        anchor=f"entry-{entry.pk}",
        date=entry.starts or report.cycle.opens_on.isoformat(),
        countries=[country.code for country in entry.countries.all()],
        themes=[theme.pk for theme in entry.themes.all()],
        groups=[group.pk for group in entry.population_groups.all()],
        actors=[report.actor_id, *partners],
    )


register(
    Source(
        kind="entry",
        model=Entry,
        label=_("Report entry"),
        queryset=entries,
        document=entry_document,
        triggers={
            # Publishing, returning or deleting a report changes who may find its entries.
            ActorReport: lambda report: report.entries.values_list("pk", flat=True),
            EntryCountry: lambda country: [country.entry_id],
            Figure: lambda figure: [figure.entry_id],
        },
        m2m_fields=("themes", "population_groups", "partners", "activities"),
    )
)
