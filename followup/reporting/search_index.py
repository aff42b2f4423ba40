"""Report entries in the search index: public once their report is published."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from followup.reporting.models import ActorReport, Entry, EntryCountry, Figure
from followup.search.models import SearchDocument
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


def entries_to_refresh(report: ActorReport) -> list[int]:
    """Entries whose visibility no longer matches their report's.

    A report is saved with every entry saved (its revision goes up): re-indexing all its
    entries each time would make every edit cost the whole report. Only publishing,
    returning, deleting or restoring the report changes what its entries' documents say
    that no entry save already covers, so only entries whose indexed flag is off are taken.
    """
    visible = report.deleted_at is None
    public = visible and report.status == ActorReport.Status.PUBLISHED
    indexed = dict(
        SearchDocument.objects.filter(
            kind="entry", object_id__in=report.entries.values("pk")
        ).values_list("object_id", "public")
    )
    if not visible:
        return list(indexed)
    alive = report.entries.filter(deleted_at__isnull=True).values_list("pk", flat=True)
    return [pk for pk in alive if indexed.get(pk) != public]


register(
    Source(
        kind="entry",
        model=Entry,
        label=_("Report entry"),
        queryset=entries,
        document=entry_document,
        triggers={
            ActorReport: entries_to_refresh,
            EntryCountry: lambda country: [country.entry_id],
            Figure: lambda figure: [figure.entry_id],
        },
        m2m_fields=("themes", "population_groups", "partners", "activities"),
    )
)
