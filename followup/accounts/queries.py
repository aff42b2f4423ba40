"""Reads on accounts shared by pages, each in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.utils.translation import get_language

from followup.accounts.models import ApiToken, User, UserInvitation
from followup.accounts.roles import ROLE_LABELS
from followup.program.models import Actor

# Accepted invitations are history: the list shows the most recent ones only.
ACCEPTED_INVITATIONS_SHOWN = 50


def actors_for_invitations() -> QuerySet[Actor]:
    """Actors in the Program's order of categories, then by name in the reader's language."""
    rank = Case(
        *(When(category=value, then=Value(index)) for index, value in enumerate(Actor.Category)),
        output_field=IntegerField(),
    )
    name = "name_es" if (get_language() or "en").startswith("es") else "name_en"
    return Actor.objects.annotate(category_rank=rank).order_by("category_rank", name)


def _invitations() -> QuerySet[UserInvitation]:
    return UserInvitation.objects.select_related("invited_by", "user").prefetch_related("actors")


def pending_invitations() -> QuerySet[UserInvitation]:
    """Invitations neither accepted nor cancelled, expired ones included (they can be resent)."""
    return _invitations().filter(accepted_at__isnull=True, cancelled_at__isnull=True)


def accepted_invitations() -> QuerySet[UserInvitation]:
    return (
        _invitations()
        .filter(accepted_at__isnull=False)
        .order_by("-accepted_at", "-pk")[:ACCEPTED_INVITATIONS_SHOWN]
    )


def api_tokens_of(user: User) -> QuerySet[ApiToken]:
    """The user's tokens, those still working first, newest first."""
    return ApiToken.objects.filter(user=user).order_by(
        F("revoked_at").asc(nulls_first=True), "-created_at", "-pk"
    )


@dataclass(frozen=True)
class Profile:
    roles: list[str]
    actors: list[Actor]


def profile_of(user: User) -> Profile:
    """The user's role labels and the actors they are focal point for."""
    roles = [
        str(ROLE_LABELS[name])
        for name in user.groups.order_by("name").values_list("name", flat=True)
        if name in ROLE_LABELS
    ]
    actors = [membership.actor for membership in user.memberships.select_related("actor")]
    return Profile(roles=roles, actors=sorted(actors, key=lambda actor: str(actor.name)))
