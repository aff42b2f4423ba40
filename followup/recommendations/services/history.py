"""A follow-up's status history for people: every save, who made it, what it changed, and the
evidence links it added or removed."""

import datetime
from bisect import bisect_left
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from followup.accounts.models import User
from followup.recommendations.models import FollowUp, FollowUpLink

# What the history's change reasons say, for people; the reasons themselves stay in English
# (they are data, and the admin's history shows them as they are).
ACTIONS = {
    "opened": gettext_lazy("Opened"),
    "saved": gettext_lazy("Saved"),
    "submitted": gettext_lazy("Submitted"),
    "returned": gettext_lazy("Returned"),
    "published": gettext_lazy("Published"),
    "unpublished": gettext_lazy("Taken off the public pages"),
    "file attached": gettext_lazy("Document attached"),
    "file removed": gettext_lazy("Document removed"),
}
# Reasons naming fields ("saved: level,narrative") rather than a file.
ACTIONS_WITH_FIELDS = {"saved"}
# What a row of the links' history says, by its type (simple-history's +, - and ~).
LINK_CHANGES = {
    "+": gettext_lazy("Link added: %(link)s"),
    "-": gettext_lazy("Link removed: %(link)s"),
    "~": gettext_lazy("Link changed: %(link)s"),
}


@dataclass(frozen=True)
class HistoryStep:
    """One save of a follow-up: when, by whom, the review status and level it left, and the
    links it added or removed (documents are named by `changed`)."""

    when: datetime.datetime
    by: str
    status: str
    level: str
    action: str
    changed: tuple[str, ...]
    evidence: tuple[str, ...] = ()


def _field_label(name: str) -> str:
    if name == "links":
        return str(FollowUpLink._meta.verbose_name_plural)
    try:
        field = FollowUp._meta.get_field(name)
    except LookupError:
        return name
    return str(field.verbose_name) if isinstance(field, models.Field) else name


def _describe(reason: str | None, history_type: str) -> tuple[str, tuple[str, ...]]:
    if not reason:
        return str(ACTIONS["opened"] if history_type == "+" else _("Changed")), ()
    action, _colon, detail = reason.partition(": ")
    label = str(ACTIONS.get(action, action))
    if not detail:
        return label, ()
    if action in ACTIONS_WITH_FIELDS:
        return label, tuple(_field_label(name) for name in detail.split(","))
    return label, (detail,)


def _display_name(user: User | None) -> str:
    if user is None:
        return _("unknown")  # recorded by a command or an import, or the account was deleted
    return user.get_full_name() or user.username


def _link_changes(follow_up: FollowUp) -> list[tuple[datetime.datetime, str]]:
    """Every link added to or removed from the follow-up, oldest first, with its date."""
    rows = FollowUpLink.history.filter(follow_up_id=follow_up.pk).order_by(
        "history_date", "history_id"
    )
    return [
        (
            row.history_date,
            str(LINK_CHANGES[row.history_type])
            % {"link": f"{row.title} ({row.url})" if row.title else row.url},
        )
        for row in rows
    ]


def status_history(follow_up: FollowUp) -> list[HistoryStep]:
    """Every save of the follow-up, oldest first, in two queries: nothing is overwritten, so two
    saves are two steps, each with the level it set and the links it added or removed."""
    statuses = dict(FollowUp.Status.choices)
    rows = list(
        follow_up.history.select_related("history_user", "level").order_by(
            "history_date", "history_id"
        )
    )
    # The services date a link's history row like the follow-up's row of the same save; a link
    # changed some other way goes with the first save after it.
    evidence: list[list[str]] = [[] for _row in rows]
    dates = [row.history_date for row in rows]
    for when, text in _link_changes(follow_up) if rows else []:
        evidence[min(bisect_left(dates, when), len(rows) - 1)].append(text)
    steps = []
    for row, links in zip(rows, evidence, strict=True):
        action, changed = _describe(row.history_change_reason, row.history_type)
        steps.append(
            HistoryStep(
                when=row.history_date,
                by=_display_name(row.history_user),
                status=str(statuses.get(row.status, row.status)),
                level=str(row.level.label) if row.level_id and row.level else "",
                action=action,
                changed=changed,
                evidence=tuple(links),
            )
        )
    return steps
