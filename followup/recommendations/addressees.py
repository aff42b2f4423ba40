"""Who a recommendation is addressed to: all member states, named states, named actors.

"All member states" is a flag rather than 35 rows, so a state that joins later is addressed too
and the registry stays the one list of states. These functions are the one reading of it.
"""

from django.db.models import Q, QuerySet

from followup.program.models import Actor
from followup.recommendations.models import Recommendation


def addressees_of(recommendation: Recommendation) -> QuerySet[Actor]:
    """Every actor the recommendation is addressed to, named or through all member states."""
    named = Q(recommendations_received=recommendation)
    if recommendation.all_member_states:
        named |= Q(category=Actor.Category.MEMBER_STATE)
    return Actor.objects.filter(named).distinct()


def is_addressed_to(recommendation: Recommendation, actor: Actor) -> bool:
    if recommendation.all_member_states and actor.category == Actor.Category.MEMBER_STATE:
        return True
    return recommendation.addressees.filter(pk=actor.pk).exists()


def recommendations_addressed_to(actor: Actor) -> QuerySet[Recommendation]:
    addressed = Q(addressees=actor)
    if actor.category == Actor.Category.MEMBER_STATE:
        addressed |= Q(all_member_states=True)
    return Recommendation.objects.filter(addressed).distinct()
