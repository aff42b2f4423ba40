"""What every recommendations service shares: the errors for a refused action, the permission
check, the save with its history, the revision that guards a follow-up against lost updates,
and how messages name a recommendation."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.recommendations.models import FollowUp, Recommendation


class RecommendationError(Exception):
    """A rule of the recommendations refused the action; the message is for the user."""


class StaleRevision(RecommendationError):
    """The follow-up changed since the user loaded it; `current` is the revision now saved."""

    def __init__(self, current: int) -> None:
        super().__init__(
            _(
                "Someone else saved this follow-up while you were editing it. Your text is kept "
                "below; compare it with the saved version and save again."
            )
        )
        self.current = current


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def save_with_history(record: models.Model, by: User, reason: str) -> None:
    record._history_user = by  # type: ignore[attr-defined]  # read by simple-history
    record._change_reason = reason  # type: ignore[attr-defined]
    record.save()


def check_revision(follow_up: FollowUp, expected_revision: int | None) -> None:
    if expected_revision is not None and expected_revision != follow_up.revision:
        raise StaleRevision(follow_up.revision)


def save_with_revision(follow_up: FollowUp, by: User, reason: str) -> None:
    """Every write on a follow-up ends here: `revision` grows by one (a new one starts at 1)
    and the history gets one row saying who did what."""
    if follow_up.pk is not None:
        follow_up.revision += 1
    save_with_history(follow_up, by, reason)


def recommendation_label(recommendation: Recommendation) -> str:
    """How messages name a recommendation: its number and first words."""
    text = Truncator(recommendation.text).words(8)
    if recommendation.number is None:
        return text
    return _("Recommendation %(number)s: %(text)s") % {
        "number": recommendation.number,
        "text": text,
    }
