"""Sources, recommendations, cycles and follow-ups made directly, in any state (tests of the
services make them through the services instead), and the personas of the permission tests."""

import datetime
from collections.abc import Iterable
from typing import Any

import factory
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from followup.program.models import Actor, Theme
from followup.recommendations.models import (
    FollowUp,
    Recommendation,
    Source,
    StatusLevel,
    StatusScale,
)
from followup.reporting.models import ReportingCycle
from followup.reporting.tests.factories import (
    CycleFactory,
    focal_point_of,
    reviewer_user,
    secretariat_user,
)

IACHR_SCALE = "iachr-compliance"


class SourceFactory(factory.django.DjangoModelFactory[Source]):
    class Meta:
        model = Source

    kind = Source.Kind.RESOLUTION
    title = factory.Sequence(lambda n: f"Forced migration of Venezuelans, part {n}")
    reference = factory.Sequence(lambda n: f"Resolution {n}/18")
    issued_by = factory.LazyFunction(lambda: Actor.objects.get(slug="iachr"))
    date = "2018-03-02"


def make_source(**fields: Any) -> Source:
    return SourceFactory.create(**fields)


def _actor(actor: Actor | str) -> Actor:
    return actor if isinstance(actor, Actor) else Actor.objects.get(slug=actor)


def _theme(theme: Theme | str) -> Theme:
    return theme if isinstance(theme, Theme) else Theme.objects.get(slug=theme)


def make_recommendation(
    source: Source | None = None,
    *,
    all_member_states: bool = False,
    addressees: Iterable[Actor | str] = (),
    themes: Iterable[Theme | str] = (),
    **fields: Any,
) -> Recommendation:
    """A recommendation of `source` (a new one if None); addressees and themes as records or
    slugs. Nothing checks that it has an addressee: the services do."""
    fields.setdefault("text", "Guarantee access to asylum procedures at every border post.")
    recommendation = Recommendation.objects.create(
        source=source or make_source(), all_member_states=all_member_states, **fields
    )
    recommendation.addressees.set([_actor(actor) for actor in addressees])
    recommendation.themes.set([_theme(theme) for theme in themes])
    return recommendation


def make_cycle(label: str, opens_on: datetime.date, **fields: Any) -> ReportingCycle:
    """An open cycle (reporting's CycleFactory) with the label given."""
    fields.setdefault("slug", label.replace("–", "-").lower())
    return CycleFactory.create(label=label, opens_on=opens_on, **fields)


def iachr_scale() -> StatusScale:
    return StatusScale.objects.get(slug=IACHR_SCALE)


def level_of(code: str, scale: StatusScale | None = None) -> StatusLevel:
    return StatusLevel.objects.get(scale=scale or iachr_scale(), code=code)


def make_follow_up(
    recommendation: Recommendation,
    addressee: Actor | str,
    cycle: ReportingCycle,
    level_code: str | None = "pending",
    status: str = FollowUp.Status.PUBLISHED,
    **fields: Any,
) -> FollowUp:
    """A follow-up row made directly, on the IACHR scale unless `scale` is given; a level code
    of None leaves it without a level (as when just opened)."""
    scale = fields.pop("scale", None) or iachr_scale()
    level = level_of(level_code, scale) if level_code is not None else None
    if status == FollowUp.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now())
    return FollowUp.objects.create(
        recommendation=recommendation,
        addressee=_actor(addressee),
        cycle=cycle,
        scale=scale,
        level=level,
        status=status,
        **fields,
    )


PERSONAS = {
    "anonymous": AnonymousUser,
    "addressee focal point": lambda: focal_point_of("iin"),
    "other focal point": lambda: focal_point_of("cim"),
    "reviewer": reviewer_user,
    "secretariat": secretariat_user,
}
