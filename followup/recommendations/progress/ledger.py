"""The ledger: who each recommendation is addressed to, its published answers reduced to
standings, and the figures of any set of pairs (see the package's definitions)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from followup.i18n import collation_key
from followup.program.models import Actor
from followup.recommendations.models import Recommendation, StatusLevel
from followup.recommendations.permissions import public_follow_ups
from followup.reporting.models import ReportingCycle

Pair = tuple[int, int]  # (recommendation pk, addressee pk)
MEMBER_STATE = Actor.Category.MEMBER_STATE


@dataclass(frozen=True)
class LevelCount:
    level: StatusLevel
    count: int


@dataclass(frozen=True)
class Progress:
    """The figures of a set of pairs (see the package's definitions)."""

    addressed: int
    implemented: int
    applicable: int
    not_applicable: int
    unanswered: int
    by_level: tuple[LevelCount, ...]  # in the order of the ledger's columns, zeros included

    @property
    def share(self) -> float | None:
        """Percentage implemented, 0 to 100; None when no pair counts."""
        return 100 * self.implemented / self.applicable if self.applicable else None


@dataclass(frozen=True)
class Standing:
    level: StatusLevel
    cycle_id: int
    follow_up_id: int


@dataclass(frozen=True)
class Ledger:
    """The published answers of a set of recommendations, reduced to standings."""

    actors: dict[int, Actor]  # every member state and every named addressee of the set
    addressees: dict[int, tuple[int, ...]]  # recommendation pk → addressee pks, by name
    cells: dict[Pair, dict[int, StatusLevel]]  # pair → cycle pk → published level
    standings: dict[Pair, Standing]
    columns: tuple[StatusLevel, ...]  # the current scale's levels, then any other in use

    def pairs(self, recommendation_pk: int) -> list[Pair]:
        return [(recommendation_pk, actor) for actor in self.addressees.get(recommendation_pk, ())]

    def progress(self, pairs: Iterable[Pair]) -> Progress:
        addressed = unanswered = 0
        counts: dict[int, int] = defaultdict(int)
        for pair in pairs:
            addressed += 1
            standing = self.standings.get(pair)
            if standing is None:
                unanswered += 1
            else:
                counts[standing.level.pk] += 1
        by_level = tuple(LevelCount(level, counts[level.pk]) for level in self.columns)
        return Progress(
            addressed=addressed,
            implemented=sum(c.count for c in by_level if c.level.implemented),
            applicable=sum(c.count for c in by_level if c.level.applicable),
            not_applicable=sum(c.count for c in by_level if not c.level.applicable),
            unanswered=unanswered,
            by_level=by_level,
        )

    def progress_of(self, recommendation_pk: int) -> Progress:
        return self.progress(self.pairs(recommendation_pk))

    def progress_of_addressee(self, actor_pk: int) -> Progress:
        return self.progress(
            (recommendation, actor_pk)
            for recommendation, actors in self.addressees.items()
            if actor_pk in actors
        )

    def member_states(self) -> list[Actor]:
        return [actor for actor in self.actors.values() if actor.category == MEMBER_STATE]


def by_name(actors: Iterable[Actor]) -> list[Actor]:
    return sorted(actors, key=lambda actor: collation_key(actor.name))


@dataclass(frozen=True)
class Addressing:
    """Who each recommendation of a set is addressed to."""

    actors: dict[int, Actor]  # every member state and every named addressee, by name
    addressees: dict[int, tuple[int, ...]]  # recommendation pk → addressee pks, by name


def addressing_of(recommendations: QuerySet[Recommendation]) -> Addressing:
    """The addressees of every recommendation of the set, in two queries."""
    # A fresh queryset: a filter through `addressees` would otherwise narrow the join below.
    scope = Recommendation.objects.filter(pk__in=recommendations.order_by().values("pk"))
    to_all_states: set[int] = set()
    named: dict[int, set[int]] = {}
    for pk, all_states, actor in scope.values_list("pk", "all_member_states", "addressees"):
        named.setdefault(pk, set())
        if all_states:
            to_all_states.add(pk)
        if actor is not None:
            named[pk].add(actor)
    named_ids = set().union(*named.values())
    actors = {
        actor.pk: actor
        for actor in by_name(Actor.objects.filter(Q(category=MEMBER_STATE) | Q(pk__in=named_ids)))
    }
    order = {pk: index for index, pk in enumerate(actors)}
    states = {pk for pk, actor in actors.items() if actor.category == MEMBER_STATE}
    return Addressing(
        actors,
        {
            pk: tuple(
                sorted(ids | (states if pk in to_all_states else set()), key=order.__getitem__)
            )
            for pk, ids in named.items()
        },
    )


def ledger_for(
    recommendations: QuerySet[Recommendation], *, addressee: Actor | None = None
) -> Ledger:
    """The ledger of `recommendations` (of `addressee` alone if given), in four queries."""
    addressing = addressing_of(recommendations)
    addressees = addressing.addressees
    if addressee is not None:
        addressees = {
            pk: tuple(actor for actor in actors if actor == addressee.pk)
            for pk, actors in addressees.items()
        }
    levels = {
        level.pk: level
        for level in StatusLevel.objects.select_related("scale").order_by(
            "-scale__is_current", "scale__adopted_on", "scale_id", "order"
        )
    }
    answers = public_follow_ups().filter(
        recommendation__in=recommendations.order_by().values("pk"), level__isnull=False
    )
    if addressee is not None:
        answers = answers.filter(addressee=addressee)
    cells: dict[Pair, dict[int, StatusLevel]] = defaultdict(dict)
    standings: dict[Pair, Standing] = {}
    # Oldest cycle first, so that a later cycle's answer replaces an earlier one.
    for pk, recommendation, actor, cycle, level in answers.order_by(
        "cycle__opens_on", "cycle_id"
    ).values_list("pk", "recommendation_id", "addressee_id", "cycle_id", "level_id"):
        pair = (recommendation, actor)
        cells[pair][cycle] = levels[level]
        standings[pair] = Standing(levels[level], cycle, pk)
    used = {standing.level.pk for standing in standings.values()}
    columns = tuple(
        level for level in levels.values() if level.scale.is_current or level.pk in used
    )
    return Ledger(addressing.actors, addressees, dict(cells), standings, columns)


def is_due_in(recommendation: Recommendation, cycle: ReportingCycle) -> bool:
    """Whether the recommendation existed by the cycle's deadline. Partial dates compare as
    text: "2018" and "2018-03" come before "2018-03-02"."""
    date = recommendation.effective_date
    return not date or date <= cycle.deadline.isoformat()
