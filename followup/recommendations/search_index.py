"""Recommendations in the search index. They restate public instruments (a body's resolution,
a forum's conclusions), so every recorded recommendation is public."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from followup.recommendations.models import Recommendation
from followup.search.sources import Document, Source, register


def recommendations() -> QuerySet[Recommendation]:
    return Recommendation.objects.select_related("source")


def recommendation_document(recommendation: Recommendation) -> Document:
    number = f"{recommendation.number}. " if recommendation.number else ""
    heading = " · ".join(
        part for part in (str(recommendation.source), recommendation.group) if part
    )
    text = recommendation.text
    title = number + (text if len(text) <= 160 else text[:160].rsplit(" ", 1)[0] + "…")
    return Document(
        titles={recommendation.language: title},
        texts=[(recommendation.language, f"{text}\n{heading}")],
        public=True,
        date=recommendation.created_at.date().isoformat() if recommendation.created_at else "",
    )


register(
    Source(
        kind="recommendation",
        model=Recommendation,
        label=_("Recommendation"),
        queryset=recommendations,
        document=recommendation_document,
    )
)
