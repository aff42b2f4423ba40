"""The review of a follow-up: submitted by its focal points, returned or published by the CAM
secretariat, taken off the public pages again. Each step is one state change with one history
row, made on the follow-up as saved now (see `common.locked`): submit and publish return it,
return and unpublish the comment, whose `follow_up` it is."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.recommendations import permissions
from followup.recommendations.models import FollowUp, FollowUpComment
from followup.recommendations.services.common import (
    RecommendationError,
    check_revision,
    locked,
    require,
    save_with_revision,
)


def _check_complete(follow_up: FollowUp, *, publishing: bool) -> None:
    """A follow-up goes out with a status, and with a narrative unless its status does not
    apply (there is nothing to tell about a recommendation that does not concern the actor)."""
    if follow_up.level is None:
        raise RecommendationError(
            _("Choose a status before publishing the follow-up.")
            if publishing
            else _("Choose a status before submitting the follow-up.")
        )
    if follow_up.level.applicable and not follow_up.narrative.strip():
        raise RecommendationError(
            _(
                "Say what was done before publishing the follow-up; only a status that does "
                "not apply may go without it."
            )
            if publishing
            else _(
                "Say what was done before submitting the follow-up; only a status that does "
                "not apply may go without it."
            )
        )


@transaction.atomic
def submit_follow_up(
    follow_up: FollowUp, *, by: User, expected_revision: int | None = None
) -> FollowUp:
    """Send a draft or returned follow-up to the CAM secretariat for validation."""
    follow_up = locked(follow_up)
    require(permissions.can_submit_follow_up(by, follow_up))
    check_revision(follow_up, expected_revision)
    _check_complete(follow_up, publishing=False)
    follow_up.status = FollowUp.Status.SUBMITTED
    follow_up.submitted_at = timezone.now()
    save_with_revision(follow_up, by, "submitted")
    return follow_up


@transaction.atomic
def return_follow_up(follow_up: FollowUp, *, by: User, comment: str) -> FollowUpComment:
    """Send a submitted follow-up back to the addressee's focal points with what to change."""
    follow_up = locked(follow_up)
    require(permissions.can_return_follow_up(by, follow_up))
    if not comment.strip():
        raise RecommendationError(_("Say what needs to change when returning a follow-up."))
    follow_up.status = FollowUp.Status.RETURNED
    save_with_revision(follow_up, by, "returned")
    return FollowUpComment.objects.create(follow_up=follow_up, author=by, text=comment.strip())


@transaction.atomic
def publish_follow_up(
    follow_up: FollowUp, *, by: User, expected_revision: int | None = None
) -> FollowUp:
    """Put a follow-up on the public progress pages, from any state: the secretariat may
    publish what it recorded itself without submitting it first."""
    follow_up = locked(follow_up)
    require(permissions.can_publish_follow_up(by, follow_up))
    check_revision(follow_up, expected_revision)
    _check_complete(follow_up, publishing=True)
    follow_up.status = FollowUp.Status.PUBLISHED
    follow_up.published_at = timezone.now()
    save_with_revision(follow_up, by, "published")
    return follow_up


@transaction.atomic
def unpublish_follow_up(follow_up: FollowUp, *, by: User, reason: str) -> FollowUpComment:
    """Take a follow-up off the public pages and back to its focal points, returned with the
    reason (kept as a comment for them)."""
    follow_up = locked(follow_up)
    require(permissions.can_unpublish_follow_up(by, follow_up))
    if not reason.strip():
        raise RecommendationError(_("Say why the follow-up is taken off the public pages."))
    follow_up.status = FollowUp.Status.RETURNED
    follow_up.published_at = None
    save_with_revision(follow_up, by, "unpublished")
    return FollowUpComment.objects.create(follow_up=follow_up, author=by, text=reason.strip())
