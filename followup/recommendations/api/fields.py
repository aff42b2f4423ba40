"""Fields of the recommendations' API: addressees given by actor slug or, for states, ISO
3166-1 alpha-3 code. Records given by id use followup.api.fields (ObjectIdField,
IdListField)."""

from typing import Any

from django.db.models import Q
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from followup.api.fields import text_list
from followup.program.models import Actor
from followup.recommendations.api.messages import MESSAGES


def addressees_by_key(keys: list[str]) -> dict[str, Actor]:
    """The actors named by `keys` (slugs, or ISO alpha-3 codes of states in any case), keyed by
    the key as given; unknown keys are left out."""
    codes = {key.upper() for key in keys}
    actors = Actor.objects.filter(Q(slug__in=keys) | Q(country__in=codes))
    by_slug = {actor.slug: actor for actor in actors}
    by_code = {actor.country: actor for actor in actors if actor.country}
    found = {}
    for key in keys:
        actor = by_slug.get(key) or by_code.get(key.upper())
        if actor is not None:
            found[key] = actor
    return found


class AddresseeField(serializers.CharField):
    """One actor, given by slug (iin) or, for a state, by ISO code (MEX); shown as its slug."""

    def run_validation(self, data: Any = serializers.empty) -> Any:
        # The text is checked first (type, NUL characters), so nothing odd reaches the query.
        key = super().run_validation(data)
        if key in ("", None):
            return key
        actor = addressees_by_key([key]).get(key)
        if actor is None:
            raise serializers.ValidationError(MESSAGES["unknown_addressee"] % {"value": key})
        return actor

    def to_representation(self, value: Actor) -> str:  # type: ignore[override]
        return value.slug


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class AddresseeListField(serializers.Field):
    """Actors given by slug or, for states, ISO code; shown as slugs. Every unknown one named."""

    def to_internal_value(self, data: Any) -> list[Actor]:
        keys = text_list(data, "iin")
        found = addressees_by_key(keys)
        unknown = [key for key in keys if key not in found]
        if unknown:
            raise serializers.ValidationError(
                [MESSAGES["unknown_addressee"] % {"value": key} for key in unknown]
            )
        return list({actor.pk: actor for actor in (found[key] for key in keys)}.values())

    def to_representation(self, value: Any) -> list[str]:
        return [actor.slug for actor in value.all()]
