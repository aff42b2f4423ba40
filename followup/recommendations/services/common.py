"""What every recommendations service shares: the errors for a refused action, the permission
check, the save with its history, the revision that guards a follow-up against lost updates,
and how messages name a recommendation."""

import datetime

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


def attribute_history(
    record: models.Model, by: User, reason: str, when: datetime.datetime | None = None
) -> None:
    """What the next history row of `record` says: who, why, and (when given) its date."""
    record._history_user = by  # type: ignore[attr-defined]  # read by simple-history
    record._change_reason = reason  # type: ignore[attr-defined]
    if when is not None:
        record._history_date = when  # type: ignore[attr-defined]


def save_with_history(
    record: models.Model, by: User, reason: str, *, when: datetime.datetime | None = None
) -> None:
    """Save with a history row naming `by` and `reason`; `when` dates the row (one service
    call gives the same date to every row it leaves, so they read as one step)."""
    attribute_history(record, by, reason, when)
    record.save()


def delete_with_history(
    record: models.Model, by: User, reason: str, *, when: datetime.datetime | None = None
) -> None:
    """Delete, the history keeping the record as it was with who removed it."""
    attribute_history(record, by, reason, when)
    record.delete()


def locked(follow_up: FollowUp) -> FollowUp:
    """The follow-up as saved now, its row locked until the transaction ends. Every write reads
    it first and checks its rules on it, never on the copy the caller loaded earlier: two
    copies saved with the same revision would both pass, and a focal point's stale draft would
    be written back over what the secretariat just published. Call inside `atomic`."""
    # `of=("self",)` locks only the follow-up's row (PostgreSQL), not the rows it joins, which
    # other follow-ups share (and a level may be missing: no lock on an outer join's null side).
    # SQLite queues writers anyway.
    return (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("cycle", "scale", "addressee", "level")
        .get(pk=follow_up.pk)
    )


def check_revision(follow_up: FollowUp, expected_revision: int | None) -> None:
    """Refuse when `follow_up` (as `locked` read it) is not at the revision the user loaded."""
    if expected_revision is not None and expected_revision != follow_up.revision:
        raise StaleRevision(follow_up.revision)


def save_with_revision(
    follow_up: FollowUp, by: User, reason: str, *, when: datetime.datetime | None = None
) -> None:
    """Every write on a follow-up ends here: `revision` grows by one (a new one starts at 1)
    and the history gets one row saying who did what."""
    if follow_up.pk is not None:
        follow_up.revision += 1
    save_with_history(follow_up, by, reason, when=when)


def recommendation_label(recommendation: Recommendation) -> str:
    """How messages name a recommendation: its number and first words."""
    text = Truncator(recommendation.text).words(8)
    if recommendation.number is None:
        return text
    return _("Recommendation %(number)s: %(text)s") % {
        "number": recommendation.number,
        "text": text,
    }
