"""What an addressee's focal points (or the secretariat) write in a follow-up: opening it in a
cycle, its status, narrative and evidence (report entries, knowledge-base resources, links),
and the documents attached to it. Its review is in `review`."""

import datetime
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.knowledge.models import Resource
from followup.program.models import Actor
from followup.recommendations import permissions
from followup.recommendations.addressees import is_addressed_to
from followup.recommendations.models import (
    FollowUp,
    FollowUpAttachment,
    FollowUpLink,
    Recommendation,
    StatusLevel,
)
from followup.recommendations.services.common import (
    attribute_history,
    check_revision,
    delete_with_history,
    locked,
    recommendation_label,
    require,
    save_with_history,
    save_with_revision,
)
from followup.recommendations.services.scales import current_scale
from followup.reporting.models import Entry, ReportingCycle
from followup.uploads import store_checked_upload


def _check_cycle(cycle: ReportingCycle, by: User) -> None:
    if permissions.can_answer_in_cycle(by, cycle):
        return
    if cycle.status == ReportingCycle.Status.PLANNED:
        message = _("The reporting cycle %(cycle)s has not opened yet.")
    else:
        message = _(
            "The reporting cycle %(cycle)s is closed; only the CAM secretariat can record "
            "follow-up in it."
        )
    raise ValidationError({"cycle": message % {"cycle": cycle.label}}, code="cycle_not_open")


@transaction.atomic
def open_follow_up(
    recommendation: Recommendation, addressee: Actor | None, cycle: ReportingCycle, *, by: User
) -> FollowUp:
    """A draft follow-up of `recommendation` by `addressee` in `cycle`, on the current scale.

    Refused when the addressee is not one of the registry's actors, when the recommendation is
    not addressed to it, when it already has a follow-up in that cycle, and (except for the
    secretariat) when the cycle is not open. A focal point may open one only for their own
    actors (PermissionDenied otherwise)."""
    if addressee is None or addressee.pk is None:
        raise ValidationError(
            {"addressee": _("Choose an addressee among the Program's actors.")},
            code="unknown_addressee",
        )
    require(permissions.answering_actors(by).filter(pk=addressee.pk).exists())
    if not is_addressed_to(recommendation, addressee):
        raise ValidationError(
            {
                "addressee": _("“%(recommendation)s” is not addressed to %(addressee)s.")
                % {
                    "recommendation": recommendation_label(recommendation),
                    "addressee": addressee.name,
                }
            },
            code="not_addressed",
        )
    answered = FollowUp.objects.filter(
        recommendation=recommendation, addressee=addressee, cycle=cycle
    )
    if answered.exists():
        raise _duplicate(recommendation, addressee, cycle)
    _check_cycle(cycle, by)
    require(permissions.can_open_follow_up(by, recommendation, addressee))
    follow_up = FollowUp(
        recommendation=recommendation, addressee=addressee, cycle=cycle, scale=current_scale()
    )
    # A double submit can open the same follow-up between the check above and this insert;
    # the unique constraint then refuses it, inside a savepoint so that the caller's
    # transaction stays usable (PostgreSQL aborts it otherwise).
    try:
        with transaction.atomic():
            save_with_revision(follow_up, by, "opened")
    except IntegrityError:
        if not answered.exists():
            raise
        raise _duplicate(recommendation, addressee, cycle) from None
    return follow_up


def _duplicate(
    recommendation: Recommendation, addressee: Actor, cycle: ReportingCycle
) -> ValidationError:
    return ValidationError(
        _("%(addressee)s already has a follow-up of “%(recommendation)s” for %(cycle)s.")
        % {
            "addressee": addressee.name,
            "recommendation": recommendation_label(recommendation),
            "cycle": cycle.label,
        },
        code="duplicate",
    )


def _check_level(follow_up: FollowUp, level: StatusLevel | None) -> None:
    if level is None or level.scale_id == follow_up.scale_id:
        return
    raise ValidationError(
        {
            "level": _(
                "“%(level)s” is a level of the scale “%(scale)s”; this follow-up is recorded "
                "on the scale “%(own)s”."
            )
            % {"level": level.label, "scale": level.scale.name, "own": follow_up.scale.name}
        },
        code="level_of_another_scale",
    )


def _own_entries(follow_up: FollowUp, entries: Iterable[Entry]) -> list[Entry]:
    """The entries given, all of them from the addressee's own reports (none deleted)."""
    chosen = list(entries)
    own = set(
        Entry.objects.filter(
            pk__in=[entry.pk for entry in chosen],
            report__actor_id=follow_up.addressee_id,
            report__deleted_at__isnull=True,
            deleted_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    foreign = [entry for entry in chosen if entry.pk not in own]
    if foreign:
        raise ValidationError(
            {
                "entries": [
                    _("“%(entry)s” is not an entry of a report of %(addressee)s.")
                    % {"entry": entry.title, "addressee": follow_up.addressee.name}
                    for entry in foreign
                ]
            },
            code="entry_of_another_actor",
        )
    return chosen


def _published_resources(resources: Iterable[Resource]) -> list[Resource]:
    chosen = list(resources)
    public = set(
        Resource.objects.filter(
            pk__in=[resource.pk for resource in chosen],
            status=Resource.Status.PUBLISHED,
            deleted_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    hidden = [resource for resource in chosen if resource.pk not in public]
    if hidden:
        raise ValidationError(
            {
                "resources": [
                    _("“%(resource)s” is not a published resource of the knowledge base.")
                    % {"resource": resource.title}
                    for resource in hidden
                ]
            },
            code="resource_not_published",
        )
    return chosen


def _links(links: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    cleaned, errors = [], []
    for url, title in links:
        try:
            FollowUpLink(url=url.strip(), title=title.strip()).full_clean(exclude=["follow_up"])
        except ValidationError as error:
            if "url" in error.message_dict:
                errors.append(
                    _("“%(url)s” is not a web address (http:// or https://).") % {"url": url}
                )
            else:
                errors.extend(error.messages)
            continue
        cleaned.append((url.strip(), title.strip()))
    if errors:
        raise ValidationError({"links": errors}, code="invalid_link")
    return cleaned


# The plain fields `values` may set on a follow-up; relations and links are handled apart.
FOLLOW_UP_FIELDS = ("level", "responsible_institution", "narrative")


@transaction.atomic
def save_follow_up(
    follow_up: FollowUp,
    values: dict[str, Any],
    *,
    by: User,
    expected_revision: int | None = None,
) -> FollowUp:
    """Change what `values` gives: `level` (a StatusLevel of the follow-up's own scale, or
    None), `responsible_institution`, `narrative`, `entries` (entries of the addressee's own
    reports), `resources` (published knowledge-base resources) and `links` ((url, title)
    pairs). A key left out is left as it was; a list given replaces the previous one (a link
    removed stays in the links' history). The review status does not change: the secretariat
    may correct a published follow-up.

    The rules are checked on the follow-up as saved now, not on `follow_up` as the caller
    loaded it; the follow-up saved is returned (`follow_up` itself is left as it was)."""
    follow_up = locked(follow_up)
    require(permissions.can_edit_follow_up(by, follow_up))
    check_revision(follow_up, expected_revision)
    when = timezone.now()
    if "level" in values:
        _check_level(follow_up, values["level"])
    relations: dict[str, list[Any]] = {}
    if "entries" in values:
        relations["entries"] = _own_entries(follow_up, values["entries"])
    if "resources" in values:
        relations["resources"] = _published_resources(values["resources"])
    links = _links(values["links"]) if "links" in values else None
    changed = [
        field
        for field in FOLLOW_UP_FIELDS
        if field in values and getattr(follow_up, field) != values[field]
    ]
    for field in changed:
        setattr(follow_up, field, values[field])
    # What it answers (recommendation, addressee, cycle, scale) was checked when it was opened.
    follow_up.full_clean(
        exclude=["recommendation", "addressee", "cycle", "scale"],
        validate_unique=False,
        validate_constraints=False,
    )
    # The relations change without a history row each: the one save below records them all.
    follow_up.skip_history_when_saving = True  # type: ignore[attr-defined]  # simple-history
    try:
        for relation, chosen in relations.items():
            manager = getattr(follow_up, relation)
            if set(manager.values_list("pk", flat=True)) != {record.pk for record in chosen}:
                manager.set(chosen)
                changed.append(relation)
    finally:
        del follow_up.skip_history_when_saving  # type: ignore[attr-defined]
    if links is not None and _replace_links(follow_up, links, by, when):
        changed.append("links")
    reason = "saved: " + ",".join(changed) if changed else "saved"
    save_with_revision(follow_up, by, reason, when=when)
    return follow_up


def _replace_links(
    follow_up: FollowUp, links: list[tuple[str, str]], by: User, when: datetime.datetime
) -> bool:
    """Make `links` the follow-up's links; True when any was added or removed. A link kept is
    left alone; one removed is deleted and one new added, each leaving a row in the links'
    history dated like the follow-up's own row, so the status history can tell which save did
    it. The order of the lines is not kept: links read in the order they were added."""
    wanted = Counter(links)
    kept: Counter[tuple[str, str]] = Counter()
    removed = []
    for link in follow_up.links.all():
        key = (link.url, link.title)
        if kept[key] < wanted[key]:
            kept[key] += 1
        else:
            removed.append(link)
    for link in removed:
        delete_with_history(link, by, "removed", when=when)
    added = list((wanted - kept).elements())
    for url, title in added:
        link = FollowUpLink(follow_up=follow_up, url=url, title=title)
        save_with_history(link, by, "added", when=when)
    return bool(removed or added)


@transaction.atomic
def add_attachment(
    follow_up: FollowUp, upload: UploadedFile, *, by: User, expected_revision: int | None = None
) -> FollowUpAttachment:
    """Keep a document as evidence, once checked by content and size (followup.uploads)."""
    follow_up = locked(follow_up)
    require(permissions.can_edit_follow_up(by, follow_up))
    check_revision(follow_up, expected_revision)
    when = timezone.now()
    attachment = FollowUpAttachment(follow_up=follow_up)
    attribute_history(attachment, by, "attached", when)  # saved by store_checked_upload
    info = store_checked_upload(attachment, upload, by=by)
    save_with_revision(follow_up, by, f"file attached: {info.name}", when=when)
    return attachment


@transaction.atomic
def remove_attachment(
    attachment: FollowUpAttachment, *, by: User, expected_revision: int | None = None
) -> None:
    """Remove a document; the stored file goes once the removal is committed. The documents'
    history keeps what it was (name, type, size, SHA-256, who gave it) and who removed it;
    the file itself is not kept, since a document given by mistake must be able to go."""
    follow_up = locked(attachment.follow_up)
    require(permissions.can_edit_follow_up(by, follow_up))
    check_revision(follow_up, expected_revision)
    when = timezone.now()
    stored, name = attachment.file, attachment.name
    delete_with_history(attachment, by, "removed", when=when)
    transaction.on_commit(lambda: stored.delete(save=False))
    save_with_revision(follow_up, by, f"file removed: {name}", when=when)
