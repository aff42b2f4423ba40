"""Who may see and do what with recommendations and their follow-up. Pages, the API and
services all ask here.

- Recommendations restate public instruments: everyone sees them; the secretariat records them.
- A follow-up is public once the secretariat publishes it.
- A focal point of an addressee also sees that addressee's follow-ups in any state, opens them,
  edits them while draft or returned and their cycle is open, and submits them. Only for
  recommendations addressed to their actor: being a focal point of some actor gives no say over
  another's follow-up.
- The secretariat sees and edits every follow-up, in any cycle, returns submitted ones with a
  comment, and publishes (from draft too, for what it records itself).
- How a follow-up got where it is (its status history, the return comments) is for the
  addressee's focal points and the secretariat only, even once it is published.

Reads go through `follow_ups_visible_to`, so nobody learns that another addressee's draft
exists: fetching it answers 404 like a missing one.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from followup.program.models import Actor
from followup.recommendations.addressees import is_addressed_to
from followup.recommendations.models import WITH_ADDRESSEE, FollowUp, Recommendation
from followup.reporting.models import ReportingCycle
from followup.reporting.permissions import AnyUser, actor_ids_of


def is_secretariat(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("recommendations.publish_followup"))


def can_manage_recommendations(user: AnyUser) -> bool:
    """Record and edit recommendations and their sources."""
    return bool(user.is_active and user.has_perm("recommendations.change_recommendation"))


def public_follow_ups() -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(status=FollowUp.Status.PUBLISHED)


def follow_ups_visible_to(user: AnyUser) -> QuerySet[FollowUp]:
    if is_secretariat(user):
        return FollowUp.objects.all()
    visible = Q(status=FollowUp.Status.PUBLISHED)
    actors = actor_ids_of(user)
    if actors:
        visible |= Q(addressee_id__in=actors)
    return FollowUp.objects.filter(visible)


def get_follow_up_for(user: AnyUser, pk: int) -> FollowUp:
    """The follow-up if `user` may see it; Http404 whether it is missing or hidden."""
    follow_up = (
        follow_ups_visible_to(user)
        .select_related("recommendation__source", "addressee", "cycle", "level", "scale")
        .filter(pk=pk)
        .first()
    )
    if follow_up is None:
        raise Http404
    return follow_up


def answering_actors(user: AnyUser) -> QuerySet[Actor]:
    """The actors whose follow-up `user` may write: any for the secretariat, their own for a
    focal point with the right, none for anyone else."""
    if is_secretariat(user):
        return Actor.objects.all()
    if not user.is_active or not user.has_perm("recommendations.add_followup"):
        return Actor.objects.none()
    return Actor.objects.filter(pk__in=actor_ids_of(user))


def can_open_follow_up(user: AnyUser, recommendation: Recommendation, addressee: Actor) -> bool:
    """Whether `user` may open a follow-up of `recommendation` for `addressee`. Whether the
    recommendation is addressed to it is the services' rule, with its own message."""
    if is_secretariat(user):
        return True
    return (
        user.is_active
        and user.has_perm("recommendations.add_followup")
        and addressee.pk in actor_ids_of(user)
        and is_addressed_to(recommendation, addressee)
    )


def can_edit_follow_up(user: AnyUser, follow_up: FollowUp) -> bool:
    """Reads `follow_up.cycle`: select it with the follow-up."""
    if not user.is_active:
        return False
    if is_secretariat(user):
        return True
    return (
        follow_up.status in WITH_ADDRESSEE
        and follow_up.addressee_id in actor_ids_of(user)
        and user.has_perm("recommendations.change_followup")
        and can_answer_in_cycle(user, follow_up.cycle)
    )


def can_submit_follow_up(user: AnyUser, follow_up: FollowUp) -> bool:
    return (
        follow_up.status in WITH_ADDRESSEE
        and can_edit_follow_up(user, follow_up)
        and user.has_perm("recommendations.submit_followup")
    )


def can_return_follow_up(user: AnyUser, follow_up: FollowUp) -> bool:
    return follow_up.status == FollowUp.Status.SUBMITTED and is_secretariat(user)


def can_publish_follow_up(user: AnyUser, follow_up: FollowUp) -> bool:
    return follow_up.status != FollowUp.Status.PUBLISHED and is_secretariat(user)


def can_unpublish_follow_up(user: AnyUser, follow_up: FollowUp) -> bool:
    return follow_up.status == FollowUp.Status.PUBLISHED and is_secretariat(user)


def can_read_history(user: AnyUser, follow_up: FollowUp) -> bool:
    """The status history is for the addressee's focal points and the secretariat only: it
    shows levels set while the follow-up was a draft or returned, and who edited it."""
    return is_secretariat(user) or follow_up.addressee_id in actor_ids_of(user)


def can_read_comments(user: AnyUser, follow_up: FollowUp) -> bool:
    """Return comments are for the addressee's focal points and the secretariat only."""
    return can_read_history(user, follow_up)


def can_manage_scales(user: AnyUser) -> bool:
    """Add a version of the status scale and choose the current one."""
    return bool(user.is_active and user.has_perm("recommendations.add_statusscale"))


def can_review_follow_ups(user: AnyUser) -> bool:
    """See the queue of submitted follow-ups, to return or publish them."""
    return is_secretariat(user)


def cycles_for_answers(user: AnyUser) -> QuerySet[ReportingCycle]:
    """The cycles in which `user` may open follow-ups: open ones for focal points; any for the
    secretariat, which records what an addressee said after the cycle closed."""
    if is_secretariat(user):
        return ReportingCycle.objects.all()
    return ReportingCycle.objects.filter(status=ReportingCycle.Status.OPEN)


def can_answer_in_cycle(user: AnyUser, cycle: ReportingCycle) -> bool:
    return is_secretariat(user) or cycle.status == ReportingCycle.Status.OPEN
