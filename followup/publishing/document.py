"""The annual report as plain data, built once from a cycle and rendered to HTML, PDF and DOCX.

Renderers never touch the database: everything they print is here, already ordered and in the
report's language, so the three formats say the same thing and the same data always gives the
same document (no clock, no random order, no database ids in the text).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from followup.countries import country_name
from followup.dates import parse_partial_date
from followup.i18n import collation_key
from followup.program.models import Actor, ProgramActivity
from followup.reporting.models import ActorReport, Entry, ReportingCycle

INCLUDED_STATUSES = (ActorReport.Status.ACCEPTED, ActorReport.Status.PUBLISHED)
LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français", "pt": "Português"}


class NothingToCompile(Exception):
    """The cycle has no accepted report; the message says so in the user's language."""

    @classmethod
    def for_cycle(cls, cycle: ReportingCycle) -> "NothingToCompile":
        return cls(
            _("The cycle %(period)s has no accepted report to compile yet.")
            % {"period": cycle.label}
        )


@dataclass(frozen=True)
class EntryItem:
    title: str
    narrative: str
    language: str  # the language the entry was written in (marked in every format)
    when: str
    countries: tuple[str, ...]
    figures: tuple[str, ...]
    partners: tuple[str, ...]


@dataclass(frozen=True)
class EntryGroup:
    heading: str
    entries: tuple[EntryItem, ...]


@dataclass(frozen=True)
class ActorSection:
    number: int
    slug: str
    name: str
    acronym: str
    carried_out: tuple[EntryGroup, ...]
    planned: tuple[EntryItem, ...]
    best_practices: tuple[EntryItem, ...]
    proposals: tuple[EntryItem, ...]

    @property
    def heading(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def entry_count(self) -> int:
        carried = sum(len(group.entries) for group in self.carried_out)
        return carried + len(self.planned) + len(self.best_practices) + len(self.proposals)


@dataclass(frozen=True)
class AnnexItem:
    actor: str
    language: str
    address: str


@dataclass(frozen=True)
class SummaryTable:
    title: str
    label: str
    rows: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Labels:
    """The fixed text of the document, in its language (translated through the catalog)."""

    introduction: str
    carried_out: str
    planned: str
    best_practices: str
    proposals: str
    other_activities: str
    when: str
    countries: str
    figures: str
    partners: str
    written_in: str
    annex: str
    annex_intro: str
    summary: str
    entries: str
    contents: str
    page: str
    # Word's table of contents is a field Word fills in; this stands in until it does.
    toc_placeholder: str
    author: str  # who the file's metadata names as its author


@dataclass(frozen=True)
class AnnualReport:
    cycle_slug: str
    period: str
    language: str
    title: str
    subtitle: str
    dated: str
    date: date
    introduction: str
    sections: tuple[ActorSection, ...]
    annex: tuple[AnnexItem, ...]
    tables: tuple[SummaryTable, ...]
    labels: Labels
    # (report id, actor slug, revision) of every report compiled, for the version record.
    sources: tuple[tuple[int, str, int], ...] = field(default=())


def _labels() -> Labels:
    return Labels(
        introduction=_("Introduction"),
        carried_out=_("Activities carried out"),
        planned=_("Activities planned for the next period"),
        best_practices=_("Best practices"),
        proposals=_("New proposals for the Program"),
        other_activities=_("Other activities"),
        when=_("When"),
        countries=_("Countries"),
        figures=_("Figures"),
        partners=_("Partners"),
        written_in=_("Written in"),
        annex=_("Annex: complete reports submitted by the Program's actors"),
        annex_intro=_("The complete reports, as each actor submitted them, in their language."),
        summary=_("Summary tables"),
        entries=_("Entries"),
        contents=_("Contents"),
        page=_("Page"),
        toc_placeholder=_("Right-click to update the table of contents."),
        author=_("OAS – Committee on Migration Issues"),
    )


def describe_dates(starts: str, ends: str) -> str:
    """ "October 2016", "2019", "20 October 2016", or a range of two of those."""

    def one(text: str) -> str:
        value = parse_partial_date(text)
        if value.precision == "year":
            return str(value.year)
        if value.precision == "month":
            return date_format(value.first_day(), "YEAR_MONTH_FORMAT")
        return date_format(value.first_day(), "DATE_FORMAT")

    if not starts:
        return ""
    return f"{one(starts)} – {one(ends)}" if ends and ends != starts else one(starts)


def _item(entry: Entry) -> EntryItem:
    return EntryItem(
        title=entry.title,
        narrative=entry.narrative,
        language=entry.language,
        when=describe_dates(entry.starts, entry.ends),
        countries=tuple(
            sorted((country_name(c.code) for c in entry.countries.all()), key=collation_key)
        ),
        figures=tuple(str(figure) for figure in entry.figures.all()),
        partners=tuple(partner.name for partner in entry.partners.all()),
    )


def _actor_order(cycle: ReportingCycle) -> dict[int, int]:
    """Where each actor's first activity stands in the cycle's Program version."""
    order: dict[int, int] = {}
    activities = ProgramActivity.objects.filter(version=cycle.version, actor__isnull=False)
    for activity in activities.order_by("order"):
        assert activity.actor_id is not None
        order.setdefault(activity.actor_id, activity.order)
    return order


def _section_sort_key(report: ActorReport, activity_order: dict[int, int]) -> tuple[int, int, str]:
    categories = list(Actor.Category.values)
    return (
        categories.index(report.actor.category),
        activity_order.get(report.actor_id, 10_000),
        collation_key(report.actor.name),
    )


def _carried_out_groups(entries: list[Entry], labels: Labels) -> tuple[EntryGroup, ...]:
    """Entries under the Program activity they serve first, else their first theme, else
    "Other activities"; groups in the Program's order, then by theme label."""
    groups: dict[tuple[int, str], list[EntryItem]] = {}
    for entry in entries:
        activities = sorted(entry.activities.all(), key=lambda a: a.order)
        themes = sorted(entry.themes.all(), key=lambda t: (t.order, t.slug))
        if activities:
            activity = activities[0]
            label = activity.actor.acronym if activity.actor else activity.addressee
            key = (activity.order, f"{label} {activity.label}. {activity.text}".strip())
        elif themes:
            key = (100_000 + themes[0].order, themes[0].label)
        else:
            key = (1_000_000, labels.other_activities)
        groups.setdefault(key, []).append(_item(entry))
    return tuple(
        EntryGroup(heading, tuple(items)) for (_order, heading), items in sorted(groups.items())
    )


def _table(title: str, label: str, counter: Counter[str]) -> SummaryTable:
    rows = sorted(counter.items(), key=lambda row: (-row[1], collation_key(row[0])))
    return SummaryTable(title, label, tuple(rows))


def ensure_compilable(cycle: ReportingCycle) -> None:
    """Raise NothingToCompile unless the cycle has a report the annual report would include."""
    included = ActorReport.objects.filter(
        cycle=cycle, status__in=INCLUDED_STATUSES, deleted_at__isnull=True
    )
    if not included.exists():
        raise NothingToCompile.for_cycle(cycle)


def build_annual_report(
    cycle: ReportingCycle, *, language: str, introduction: str = "", annex_base: str = ""
) -> AnnualReport:
    """The annual report of `cycle` in `language` from its accepted and published reports.

    `annex_base` prefixes the annex links (the site's address in production, "" for relative
    links). Raises NothingToCompile when no report of the cycle has been accepted.
    """
    with translation.override(language):
        labels = _labels()
        reports = list(
            ActorReport.objects.filter(
                cycle=cycle, status__in=INCLUDED_STATUSES, deleted_at__isnull=True
            )
            .select_related("actor")
            .prefetch_related(
                Prefetch(
                    "entries",
                    queryset=Entry.objects.filter(deleted_at__isnull=True)
                    .order_by("order", "pk")
                    .prefetch_related(
                        "countries",
                        "figures",
                        "partners",
                        "themes",
                        "population_groups",
                        Prefetch(
                            "activities", queryset=ProgramActivity.objects.select_related("actor")
                        ),
                    ),
                )
            )
        )
        if not reports:
            raise NothingToCompile.for_cycle(cycle)
        activity_order = _actor_order(cycle)
        reports.sort(key=lambda report: _section_sort_key(report, activity_order))

        themes: Counter[str] = Counter()
        groups: Counter[str] = Counter()
        countries: Counter[str] = Counter()
        sections = []
        for number, report in enumerate(reports, start=1):
            entries = list(report.entries.all())
            for entry in entries:
                themes.update(theme.label for theme in entry.themes.all())
                groups.update(group.label for group in entry.population_groups.all())
                countries.update(country_name(c.code) for c in entry.countries.all())
            by_kind = {kind: [e for e in entries if e.kind == kind] for kind in Entry.Kind.values}
            sections.append(
                ActorSection(
                    number=number,
                    slug=report.actor.slug,
                    name=report.actor.name,
                    acronym=report.actor.acronym,
                    carried_out=_carried_out_groups(by_kind[Entry.Kind.CARRIED_OUT], labels),
                    planned=tuple(_item(e) for e in by_kind[Entry.Kind.PLANNED]),
                    best_practices=tuple(_item(e) for e in by_kind[Entry.Kind.BEST_PRACTICE]),
                    proposals=tuple(_item(e) for e in by_kind[Entry.Kind.PROPOSAL]),
                )
            )
        annex = tuple(
            AnnexItem(
                actor=report.actor.name,
                language=LANGUAGE_NAMES.get(report.original_language, report.original_language),
                address=f"{annex_base}/{language}/files/reports/{report.pk}/",
            )
            for report in reports
            if report.original_file
        )
        # The document's date comes from its data, never the clock: the latest submission.
        dated_on = max(
            (r.submitted_at.date() for r in reports if r.submitted_at), default=cycle.deadline
        )
        return AnnualReport(
            cycle_slug=cycle.slug,
            period=cycle.label,
            language=language,
            title=_(
                "Report of the Committee on Migration Issues on the activities in implementation "
                "of the Inter-American Program for the Promotion and Protection of the Human "
                "Rights of Migrants, Including Migrant Workers and Their Families"
            ),
            subtitle=_("Period %(period)s") % {"period": cycle.label},
            dated=date_format(dated_on, "DATE_FORMAT"),
            date=dated_on,
            introduction=introduction,
            sections=tuple(sections),
            annex=annex,
            tables=(
                _table(_("Entries per theme"), _("Theme"), themes),
                _table(_("Entries per population group"), _("Population group"), groups),
                _table(_("Entries per country"), _("Country"), countries),
            ),
            labels=labels,
            sources=tuple(
                (r.pk, r.actor.slug, r.revision) for r in sorted(reports, key=lambda r: r.pk)
            ),
        )
