"""Recommendations in the search index. They restate public instruments (a body's resolution,
a forum's conclusions), so every recorded recommendation is public. Named addressees are its
actors and countries; "all member states" is left out of the country facet, which would
otherwise put every such recommendation under every country."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from followup.recommendations.models import Recommendation
from followup.recommendations.models import Source as RecommendationSource
from followup.search.sources import Document, Source, register


def recommendations() -> QuerySet[Recommendation]:
    return Recommendation.objects.select_related("source", "source__issued_by").prefetch_related(
        "themes", "population_groups", "addressees", "mandates"
    )


def recommendation_document(recommendation: Recommendation) -> Document:
    number = f"{recommendation.number}. " if recommendation.number else ""
    source = recommendation.source
    parts = (str(source), source.issuer_name, recommendation.group)
    mandates = " ".join(mandate.symbol for mandate in recommendation.mandates.all())
    text = recommendation.text
    title = number + (text if len(text) <= 160 else text[:160].rsplit(" ", 1)[0] + "…")
    addressees = list(recommendation.addressees.all())
    actors = [actor.pk for actor in addressees]
    if source.issued_by_id:
        actors.append(source.issued_by_id)
    return Document(
        titles={recommendation.language: title},
        texts=[
            (
                recommendation.language,
                "\n".join(part for part in (text, *parts, mandates) if part),
            )
        ],
        public=True,
        route=("recommendations:recommendation_detail", [recommendation.pk]),
        date=recommendation.effective_date,
        countries=[actor.country for actor in addressees if actor.country],
        themes=[theme.pk for theme in recommendation.themes.all()],
        groups=[group.pk for group in recommendation.population_groups.all()],
        actors=actors,
    )


def source_recommendations(source: RecommendationSource) -> QuerySet[Recommendation, int]:
    return source.recommendations.values_list("pk", flat=True)


register(
    Source(
        kind="recommendation",
        model=Recommendation,
        label=_("Recommendation"),
        queryset=recommendations,
        document=recommendation_document,
        triggers={RecommendationSource: source_recommendations},
        m2m_fields=("themes", "population_groups", "addressees", "mandates"),
    )
)
