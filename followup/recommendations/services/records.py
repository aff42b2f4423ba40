"""Sources of recommendations and the recommendations themselves, as the secretariat records
them (pages, API, importer, meetings)."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.program.models import Actor
from followup.recommendations import permissions
from followup.recommendations.models import Recommendation, Source
from followup.recommendations.services.common import require, save_with_history

# The plain fields `values` may set on a recommendation; relations are handled apart.
RECOMMENDATION_FIELDS = (
    "source",
    "group",
    "number",
    "text",
    "language",
    "date",
    "all_member_states",
    "meeting",
)
RECOMMENDATION_RELATIONS = ("themes", "population_groups", "addressees", "mandates")
SOURCE_FIELDS = ("kind", "title", "reference", "issued_by", "issuer", "date", "url", "language")


def save_source(source: Source, values: dict[str, Any], *, by: User) -> Source:
    """Create (`source.pk` is None) or change a source of recommendations."""
    require(permissions.can_manage_recommendations(by))
    for field in SOURCE_FIELDS:
        if field in values:
            setattr(source, field, values[field])
    source.full_clean()
    save_with_history(source, by, "created" if source.pk is None else "changed")
    return source


def check_addressed(all_member_states: bool, addressees: Iterable[Actor]) -> None:
    """A recommendation is addressed to someone: all member states, or named addressees. The
    admin's form asks here too, since it saves without `save_recommendation`."""
    if not all_member_states and not list(addressees):
        raise ValidationError(
            {
                "addressees": _(
                    "Say who the recommendation is addressed to: all member states, or named "
                    "states and actors."
                )
            },
            code="no_addressee",
        )


def _check_addressed(recommendation: Recommendation, values: dict[str, Any]) -> None:
    addressees = values.get("addressees")
    named = list(addressees) if addressees is not None else []
    if addressees is None and recommendation.pk is not None:
        named = list(recommendation.addressees.all())
    check_addressed(recommendation.all_member_states, named)


@transaction.atomic
def save_recommendation(
    recommendation: Recommendation, values: dict[str, Any], *, by: User
) -> Recommendation:
    """Create (`recommendation.pk` is None) or change a recommendation with its relations
    (`themes`, `population_groups`, `addressees`, `mandates`: iterables of records)."""
    require(permissions.can_manage_recommendations(by))
    for field in RECOMMENDATION_FIELDS:
        if field in values:
            setattr(recommendation, field, values[field])
    recommendation.full_clean()
    _check_addressed(recommendation, values)
    save_with_history(recommendation, by, "created" if recommendation.pk is None else "changed")
    for relation in RECOMMENDATION_RELATIONS:
        if relation in values:
            getattr(recommendation, relation).set(values[relation])
    return recommendation


def create_recommendation(values: dict[str, Any], *, by: User) -> Recommendation:
    """A new recommendation; `values` as for `save_recommendation`, `source` and `text` at
    least, and its addressees."""
    return save_recommendation(Recommendation(), values, by=by)
