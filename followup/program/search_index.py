"""The Program's mandates and activities in the search index; both are public and bilingual."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from followup.program.models import Mandate, OperativeParagraph, ProgramActivity, ProgramVersion
from followup.search.sources import Document, Source, register


def mandates() -> QuerySet[Mandate]:
    return Mandate.objects.prefetch_related("paragraphs")


def mandate_document(mandate: Mandate) -> Document:
    texts: list[tuple[str, str]] = []
    for language in ("en", "es"):
        parts = [getattr(mandate, f"summary_{language}")]
        parts += [getattr(p, f"text_{language}") for p in mandate.paragraphs.all()]
        texts.append((language, "\n".join(part for part in parts if part)))
    return Document(
        titles={
            "en": f"{mandate.symbol} — {mandate.title_en}",
            "es": f"{mandate.symbol} — {mandate.title_es}",
        },
        texts=texts,
        public=True,
        route=("program:mandate_detail", [mandate.slug]),
        date=mandate.adopted_on.isoformat() if mandate.adopted_on else str(mandate.year),
    )


register(
    Source(
        kind="mandate",
        model=Mandate,
        label=_("Mandate"),
        queryset=mandates,
        document=mandate_document,
        triggers={OperativeParagraph: lambda paragraph: [paragraph.mandate_id]},
    )
)


def activities() -> QuerySet[ProgramActivity]:
    return ProgramActivity.objects.select_related("version", "actor").prefetch_related(
        "themes", "population_groups", "mandates"
    )


def activity_document(activity: ProgramActivity) -> Document:
    titles: dict[str, str] = {}
    texts: list[tuple[str, str]] = []
    mandates = " ".join(mandate.symbol for mandate in activity.mandates.all())
    for language in ("en", "es"):
        text = getattr(activity, f"text_{language}")
        if activity.actor is not None:
            addressee = getattr(activity.actor, f"acronym_{language}") or getattr(
                activity.actor, f"name_{language}"
            )
        else:
            addressee = activity.addressee
        label = f" {activity.label})" if activity.label else ""
        titles[language] = f"{addressee}{label} {_shorten(text)}"
        note = getattr(activity, f"note_{language}")
        texts.append((language, "\n".join(part for part in (text, note, mandates) if part)))
    return Document(
        titles=titles,
        texts=texts,
        public=True,
        route=("program:version_detail", [activity.version.slug]),
        anchor=f"activity-{activity.code}",
        date=activity.version.adopted_on.isoformat(),
        themes=[theme.pk for theme in activity.themes.all()],
        groups=[group.pk for group in activity.population_groups.all()],
        actors=[activity.actor_id] if activity.actor_id else [],
    )


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


register(
    Source(
        kind="activity",
        model=ProgramActivity,
        label=_("Program activity"),
        queryset=activities,
        document=activity_document,
        triggers={ProgramVersion: lambda version: version.activities.values_list("pk", flat=True)},
        m2m_fields=("themes", "population_groups", "mandates"),
    )
)
