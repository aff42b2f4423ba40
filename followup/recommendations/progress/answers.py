"""Who has not answered: per addressee, the recommendations due in a cycle with no follow-up
submitted or published there. Only that fact is read, never a follow-up's content."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, Exists, F, OuterRef, QuerySet, When

from followup.program.models import Actor
from followup.recommendations.models import FollowUp, Recommendation
from followup.recommendations.progress.ledger import addressing_of, is_due_in
from followup.recommendations.progress.lists import in_reading_order
from followup.reporting.models import ReportingCycle

# Statuses in which a follow-up has been given to the secretariat: the addressee has answered.
ANSWERED = (FollowUp.Status.SUBMITTED, FollowUp.Status.PUBLISHED)


def answer_cycles() -> QuerySet[ReportingCycle]:
    """Cycles that have opened, newest first: those an addressee can have failed to answer."""
    return ReportingCycle.objects.exclude(status=ReportingCycle.Status.PLANNED).order_by(
        "-opens_on", "-pk"
    )


def default_answer_cycle() -> ReportingCycle | None:
    """The latest cycle with an answer given (submitted or published), else the latest open
    cycle, else the latest that has opened; in one query."""
    answered = FollowUp.objects.filter(cycle=OuterRef("pk"), status__in=ANSWERED)
    return (
        answer_cycles()
        .annotate(answered=Exists(answered))
        .order_by(
            F("answered").desc(),
            Case(When(status=ReportingCycle.Status.OPEN, then=1), default=0).desc(),
            "-opens_on",
            "-pk",
        )
        .first()
    )


@dataclass(frozen=True)
class Unanswered:
    addressee: Actor
    recommendations: tuple[Recommendation, ...]


def unanswered_in(cycle: ReportingCycle) -> tuple[Unanswered, ...]:
    """Per addressee, by name, the recommendations due in `cycle` it has not answered."""
    recommendations = [
        r
        for r in in_reading_order(Recommendation.objects.select_related("source"))
        if is_due_in(r, cycle)
    ]
    addressing = addressing_of(Recommendation.objects.all())
    answered = set(
        FollowUp.objects.filter(cycle=cycle, status__in=ANSWERED).values_list(
            "recommendation_id", "addressee_id"
        )
    )
    missing: dict[int, list[Recommendation]] = defaultdict(list)
    for recommendation in recommendations:
        for actor in addressing.addressees.get(recommendation.pk, ()):
            if (recommendation.pk, actor) not in answered:
                missing[actor].append(recommendation)
    return tuple(
        Unanswered(actor, tuple(missing[actor.pk]))
        for actor in addressing.actors.values()
        if missing[actor.pk]
    )
