"""Every write on recommendations and their follow-up: one function per use case, called by
pages, the API, the importer, the meetings app and the demo loader.

Each function checks the permission it needs, validates, and saves through `Model.save()`
(never a queryset update, so the search index and the history see every change) with the
history attributed to `by`. A follow-up's `revision` grows by one on every save, and one
service call leaves exactly one row in its history.

Refusals come two ways: `ValidationError` (a field names the value that is wrong: a level of
another scale, an entry of another actor's report) and `RecommendationError` for the rules of
the review (submit without a status, return without a comment, stale revision).
"""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from followup.accounts.models import User
from followup.knowledge.models import Resource
from followup.program.models import Actor
from followup.recommendations import permissions
from followup.recommendations.addressees import is_addressed_to
from followup.recommendations.models import (
    FollowUp,
    FollowUpAttachment,
    FollowUpComment,
    FollowUpLink,
    Recommendation,
    Source,
    StatusLevel,
    StatusScale,
)
from followup.reporting.models import Entry, ReportingCycle
from followup.uploads import validate_upload

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


class RecommendationError(Exception):
    """A rule of the recommendations refused the action; the message is for the user."""


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _save(record: models.Model, by: User, reason: str) -> None:
    record._history_user = by  # type: ignore[attr-defined]  # read by simple-history
    record._change_reason = reason  # type: ignore[attr-defined]
    record.save()


def save_source(source: Source, values: dict[str, Any], *, by: User) -> Source:
    """Create (`source.pk` is None) or change a source of recommendations."""
    _require(permissions.can_manage_recommendations(by))
    for field in SOURCE_FIELDS:
        if field in values:
            setattr(source, field, values[field])
    source.full_clean()
    _save(source, by, "created" if source.pk is None else "changed")
    return source


def _check_addressed(recommendation: Recommendation, values: dict[str, Any]) -> None:
    addressees = values.get("addressees")
    named = list(addressees) if addressees is not None else None
    if named is None and recommendation.pk is not None:
        named = list(recommendation.addressees.all())
    if not recommendation.all_member_states and not named:
        raise ValidationError(
            {
                "addressees": _(
                    "Say who the recommendation is addressed to: all member states, or named "
                    "states and actors."
                )
            },
            code="no_addressee",
        )


@transaction.atomic
def save_recommendation(
    recommendation: Recommendation, values: dict[str, Any], *, by: User
) -> Recommendation:
    """Create (`recommendation.pk` is None) or change a recommendation with its relations
    (`themes`, `population_groups`, `addressees`, `mandates`: iterables of records)."""
    _require(permissions.can_manage_recommendations(by))
    for field in RECOMMENDATION_FIELDS:
        if field in values:
            setattr(recommendation, field, values[field])
    recommendation.full_clean()
    _check_addressed(recommendation, values)
    _save(recommendation, by, "created" if recommendation.pk is None else "changed")
    for relation in RECOMMENDATION_RELATIONS:
        if relation in values:
            getattr(recommendation, relation).set(values[relation])
    return recommendation


def create_recommendation(values: dict[str, Any], *, by: User) -> Recommendation:
    """A new recommendation; `values` as for `save_recommendation`, `source` and `text` at
    least, and its addressees."""
    return save_recommendation(Recommendation(), values, by=by)


# The follow-up ledger ------------------------------------------------------------------------


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


def recommendation_label(recommendation: Recommendation) -> str:
    """How messages name a recommendation: its number and first words."""
    text = Truncator(recommendation.text).words(8)
    if recommendation.number is None:
        return text
    return _("Recommendation %(number)s: %(text)s") % {
        "number": recommendation.number,
        "text": text,
    }


def _check_revision(follow_up: FollowUp, expected_revision: int | None) -> None:
    if expected_revision is not None and expected_revision != follow_up.revision:
        raise StaleRevision(follow_up.revision)


def _save_follow_up(follow_up: FollowUp, by: User, reason: str) -> None:
    """Every write on a follow-up ends here: `revision` grows by one (a new one starts at 1)
    and the history gets one row saying who did what."""
    if follow_up.pk is not None:
        follow_up.revision += 1
    _save(follow_up, by, reason)


def current_scale() -> StatusScale:
    """The scale new follow-ups are recorded on."""
    scale = StatusScale.objects.filter(is_current=True).first()
    if scale is None:
        raise RecommendationError(
            _("No status scale is current; the CAM secretariat must choose one first.")
        )
    return scale


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
    _require(permissions.answering_actors(by).filter(pk=addressee.pk).exists())
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
    if FollowUp.objects.filter(
        recommendation=recommendation, addressee=addressee, cycle=cycle
    ).exists():
        raise ValidationError(
            _("%(addressee)s already has a follow-up of “%(recommendation)s” for %(cycle)s.")
            % {
                "addressee": addressee.name,
                "recommendation": recommendation_label(recommendation),
                "cycle": cycle.label,
            },
            code="duplicate",
        )
    _check_cycle(cycle, by)
    _require(permissions.can_open_follow_up(by, recommendation, addressee))
    follow_up = FollowUp(
        recommendation=recommendation, addressee=addressee, cycle=cycle, scale=current_scale()
    )
    _save_follow_up(follow_up, by, "opened")
    return follow_up


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
    pairs). A key left out is left as it was; a list given replaces the previous one. The
    review status does not change: the secretariat may correct a published follow-up."""
    _require(permissions.can_edit_follow_up(by, follow_up))
    _check_revision(follow_up, expected_revision)
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
    if links is not None and links != list(follow_up.links.values_list("url", "title")):
        follow_up.links.all().delete()
        FollowUpLink.objects.bulk_create(
            FollowUpLink(follow_up=follow_up, url=url, title=title) for url, title in links
        )
        changed.append("links")
    _save_follow_up(follow_up, by, "saved: " + ",".join(changed) if changed else "saved")
    return follow_up


@transaction.atomic
def add_attachment(
    follow_up: FollowUp, upload: UploadedFile, *, by: User, expected_revision: int | None = None
) -> FollowUpAttachment:
    """Keep a document as evidence, once checked by content and size (followup.uploads)."""
    _require(permissions.can_edit_follow_up(by, follow_up))
    _check_revision(follow_up, expected_revision)
    info = validate_upload(upload)
    attachment = FollowUpAttachment(
        follow_up=follow_up,
        name=info.name,
        content_type=info.content_type,
        size=info.size,
        sha256=info.sha256,
        uploaded_by=by,
    )
    attachment.file.save(info.name, upload, save=False)
    attachment.save()
    _save_follow_up(follow_up, by, f"file attached: {info.name}")
    return attachment


@transaction.atomic
def remove_attachment(
    attachment: FollowUpAttachment, *, by: User, expected_revision: int | None = None
) -> None:
    """Remove a document; the stored file goes once the removal is committed."""
    follow_up = attachment.follow_up
    _require(permissions.can_edit_follow_up(by, follow_up))
    _check_revision(follow_up, expected_revision)
    stored, name = attachment.file, attachment.name
    attachment.delete()
    transaction.on_commit(lambda: stored.delete(save=False))
    _save_follow_up(follow_up, by, f"file removed: {name}")


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
) -> None:
    """Send a draft or returned follow-up to the CAM secretariat for validation."""
    _require(permissions.can_submit_follow_up(by, follow_up))
    _check_revision(follow_up, expected_revision)
    _check_complete(follow_up, publishing=False)
    follow_up.status = FollowUp.Status.SUBMITTED
    follow_up.submitted_at = timezone.now()
    _save_follow_up(follow_up, by, "submitted")


@transaction.atomic
def return_follow_up(follow_up: FollowUp, *, by: User, comment: str) -> FollowUpComment:
    """Send a submitted follow-up back to the addressee's focal points with what to change."""
    _require(permissions.can_return_follow_up(by, follow_up))
    if not comment.strip():
        raise RecommendationError(_("Say what needs to change when returning a follow-up."))
    follow_up.status = FollowUp.Status.RETURNED
    _save_follow_up(follow_up, by, "returned")
    return FollowUpComment.objects.create(follow_up=follow_up, author=by, text=comment.strip())


@transaction.atomic
def publish_follow_up(
    follow_up: FollowUp, *, by: User, expected_revision: int | None = None
) -> None:
    """Put a follow-up on the public progress pages, from any state: the secretariat may
    publish what it recorded itself without submitting it first."""
    _require(permissions.can_publish_follow_up(by, follow_up))
    _check_revision(follow_up, expected_revision)
    _check_complete(follow_up, publishing=True)
    follow_up.status = FollowUp.Status.PUBLISHED
    follow_up.published_at = timezone.now()
    _save_follow_up(follow_up, by, "published")


@transaction.atomic
def unpublish_follow_up(follow_up: FollowUp, *, by: User, reason: str) -> FollowUpComment:
    """Take a follow-up off the public pages and back to its focal points, returned with the
    reason (kept as a comment for them)."""
    _require(permissions.can_unpublish_follow_up(by, follow_up))
    if not reason.strip():
        raise RecommendationError(_("Say why the follow-up is taken off the public pages."))
    follow_up.status = FollowUp.Status.RETURNED
    follow_up.published_at = None
    _save_follow_up(follow_up, by, "unpublished")
    return FollowUpComment.objects.create(follow_up=follow_up, author=by, text=reason.strip())


# Versions of the status scale -----------------------------------------------------------------


@dataclass(frozen=True)
class LevelSpec:
    """A level of a new scale, in the order given."""

    code: str
    label_en: str
    label_es: str
    implemented: bool = False
    applicable: bool = True


def used_level_ids(scale: StatusScale) -> set[int]:
    """The levels of `scale` some follow-up has, or once had: they can never change, since the
    history would then say something no one said."""
    current = FollowUp.objects.filter(level__scale=scale).values_list("level_id", flat=True)
    past = FollowUp.history.filter(level__scale=scale).values_list("level_id", flat=True)
    return set(current) | set(past)


@transaction.atomic
def add_scale(
    slug: str,
    name_en: str,
    name_es: str,
    levels: Sequence[LevelSpec],
    *,
    by: User,
    make_current: bool = True,
) -> StatusScale:
    """A new version of the status scale with its levels; by default new follow-ups use it
    from now on. Follow-ups already recorded keep their scale and level."""
    _require(permissions.can_manage_scales(by))
    if not levels:
        raise ValidationError({"levels": _("Give the scale at least one level.")})
    codes = [level.code for level in levels]
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise ValidationError(
            {"levels": _("The level code “%(code)s” is used twice.") % {"code": twice[0]}}
        )
    if StatusScale.objects.filter(slug=slug).exists():
        raise ValidationError(
            {
                "slug": _(
                    "A status scale with the code “%(slug)s” already exists; give the new "
                    "version its own code."
                )
                % {"slug": slug}
            }
        )
    scale = StatusScale(
        slug=slug, name_en=name_en, name_es=name_es, adopted_on=timezone.localdate()
    )
    scale.full_clean(validate_unique=False, validate_constraints=False)
    _save(scale, by, "created")
    for order, spec in enumerate(levels):
        level = StatusLevel(
            scale=scale,
            code=spec.code,
            label_en=spec.label_en,
            label_es=spec.label_es,
            order=order,
            implemented=spec.implemented,
            applicable=spec.applicable,
        )
        level.full_clean(validate_unique=False, validate_constraints=False)
        _save(level, by, "created")
    if make_current:
        set_current_scale(scale, by=by)
    return scale


@transaction.atomic
def set_current_scale(scale: StatusScale, *, by: User) -> None:
    """Make `scale` the one new follow-ups are recorded on (the one before stops being)."""
    _require(permissions.can_manage_scales(by))
    if scale.is_current:
        return
    # 1. The old one first: the database allows a single current scale at any moment.
    for previous in StatusScale.objects.filter(is_current=True):
        previous.is_current = False
        _save(previous, by, "no longer current")
    scale.is_current = True
    if scale.adopted_on is None:
        scale.adopted_on = timezone.localdate()
    _save(scale, by, "made current")


# Status history ---------------------------------------------------------------------------------

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


@dataclass(frozen=True)
class HistoryStep:
    """One save of a follow-up: when, by whom, and the review status and level it left."""

    when: datetime.datetime
    by: str
    status: str
    level: str
    action: str
    changed: tuple[str, ...]


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


def status_history(follow_up: FollowUp) -> list[HistoryStep]:
    """Every save of the follow-up, oldest first, in one query: nothing is overwritten, so two
    saves are two steps, each with the level it set."""
    statuses = dict(FollowUp.Status.choices)
    rows = follow_up.history.select_related("history_user", "level").order_by(
        "history_date", "history_id"
    )
    steps = []
    for row in rows:
        action, changed = _describe(row.history_change_reason, row.history_type)
        steps.append(
            HistoryStep(
                when=row.history_date,
                by=_display_name(row.history_user),
                status=str(statuses.get(row.status, row.status)),
                level=str(row.level.label) if row.level_id and row.level else "",
                action=action,
                changed=changed,
            )
        )
    return steps
