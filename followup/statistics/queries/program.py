"""What the Program did concerning a country, beside its figures: the published report
entries about it and the recommendations addressed to it as a member state, each list capped
with its full count (the full lists are reporting's and recommendations' pages).

Only what an anonymous visitor sees, whoever is signed in: entries come through reporting's
public queries (published reports, alive entries), standings through recommendations'
ledger (published follow-ups only).
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from followup.program.models import Actor
from followup.recommendations.addressees import recommendations_addressed_to
from followup.recommendations.models import Recommendation, StatusLevel
from followup.recommendations.progress.ledger import ledger_for
from followup.recommendations.progress.lists import in_reading_order
from followup.reporting.models import Entry
from followup.reporting.queries import EntryFilters, filtered_entries

SHOWN = 10


@dataclass(frozen=True)
class RecommendationStanding:
    recommendation: Recommendation
    standing: StatusLevel | None  # its latest published status for the state; None: no answer


@dataclass(frozen=True)
class ProgramInCountry:
    entries: tuple[Entry, ...]  # the latest SHOWN
    entry_count: int
    state: Actor | None  # the member state with this country code, if any
    recommendations: tuple[RecommendationStanding, ...]  # the first SHOWN, in reading order
    recommendation_count: int


def entries_about(country: str) -> QuerySet[Entry]:
    """Published entries concerning the country, in the order of reporting's entry list,
    without the relations that list prefetches and this page does not show."""
    return filtered_entries(EntryFilters(country=country)).prefetch_related(None)


def member_state(country: str) -> Actor | None:
    return (
        Actor.objects.filter(category=Actor.Category.MEMBER_STATE, country=country)
        .order_by("pk")
        .first()
    )


def program_in_country(country: str, shown: int = SHOWN) -> ProgramInCountry:
    entries = entries_about(country)
    state = member_state(country)
    recommendations: list[Recommendation] = []
    count = 0
    standings: dict[int, StatusLevel] = {}
    if state is not None:
        addressed = recommendations_addressed_to(state)
        count = addressed.count()
        recommendations = list(in_reading_order(addressed).select_related("source")[:shown])
        if recommendations:
            ledger = ledger_for(
                Recommendation.objects.filter(pk__in=[r.pk for r in recommendations]),
                addressee=state,
            )
            standings = {
                recommendation: standing.level
                for (recommendation, _actor), standing in ledger.standings.items()
            }
    return ProgramInCountry(
        entries=tuple(entries[:shown]),
        entry_count=entries.count(),
        state=state,
        recommendations=tuple(
            RecommendationStanding(r, standings.get(r.pk)) for r in recommendations
        ),
        recommendation_count=count,
    )
