"""Every write on knowledge resources: one function per use case, called by pages, the API,
the demo loader and commands.

Each function checks the permission and the state it needs, saves the resource through
`Resource.save()` (never a queryset update, so the search index and the history see every
change) with the history attributed to `by` and a reason, and bumps `revision`. A resource's
countries and tags are replaced inside the same transaction as its save.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from followup.accounts.models import User
from followup.countries import CountryError, normalize_code
from followup.knowledge import permissions
from followup.knowledge.models import (
    KIND_FIELDS,
    Resource,
    ResourceAttachment,
    ResourceComment,
    ResourceCountry,
)
from followup.program.models import Actor
from followup.uploads import store_checked_upload

# The plain fields `values` may set; relations are handled apart.
RESOURCE_FIELDS = (
    "kind",
    "title",
    "summary",
    "language",
    "date",
    "ends",
    "url",
    "publisher",
    "instrument_type",
    "legal_status",
    "official_reference",
    "services",
    "service_languages",
    "contact",
)
RELATIONS = ("themes", "population_groups", "actors")


class KnowledgeError(Exception):
    """A rule of the knowledge base refused the action; the message is for the user."""


class StaleRevision(KnowledgeError):
    """The resource changed since the user loaded it; `current` is the revision now saved."""

    def __init__(self, current: int) -> None:
        super().__init__(
            _(
                "Someone else saved this resource while you were editing it. Your text is kept "
                "below; compare it with the saved version and save again."
            )
        )
        self.current = current


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _check_revision(resource: Resource, expected_revision: int | None) -> None:
    if expected_revision is not None and expected_revision != resource.revision:
        raise StaleRevision(resource.revision)


def _save(resource: Resource, by: User, reason: str) -> None:
    """Save with the history attributed to `by`; every write ends here, so `revision` grows by
    one each time (a new resource starts at 1)."""
    if resource.pk is not None:
        resource.revision += 1
    resource._history_user = by  # type: ignore[attr-defined]  # read by simple-history
    resource._change_reason = reason  # type: ignore[attr-defined]
    resource.save()


def _clear_fields_of_other_kinds(resource: Resource) -> None:
    """Empty what the resource's kind does not use (a law has no services, a course no legal
    status): changing the kind in a form that still holds such a value is not an error."""
    for field, kinds in KIND_FIELDS.items():
        if resource.kind not in kinds:
            setattr(resource, field, "")


def _check_owner(by: User, owner: Actor | None) -> None:
    if not permissions.can_own(by, owner):
        raise ValidationError(
            {"owner": _("Choose one of the actors you are a focal point of.")},
            code="not_your_actor",
        )


def _countries(values: dict[str, Any], resource: Resource) -> list[str]:
    """The codes the resource will have: those given, else those it has."""
    if "countries" in values:
        try:
            return sorted({normalize_code(code) for code in values["countries"]})
        except CountryError as error:
            raise ValidationError({"countries": error.messages}) from None
    if resource.pk is None:
        return []
    return list(resource.countries.values_list("code", flat=True))


def _write(resource: Resource, values: dict[str, Any], *, by: User, reason: str) -> Resource:
    for field in RESOURCE_FIELDS:
        if field in values:
            setattr(resource, field, values[field])
    if "owner" in values:
        resource.owner = values["owner"]
    _clear_fields_of_other_kinds(resource)
    codes = _countries(values, resource)
    resource.full_clean(exclude=["created_by"])
    if resource.kind == Resource.Kind.LEGISLATION and not codes:
        raise ValidationError(
            {"countries": _("Say which country this legislation belongs to.")},
            code="legislation_without_country",
        )
    _save(resource, by, reason)
    for relation in RELATIONS:
        if relation in values:
            getattr(resource, relation).set(values[relation])
    if "countries" in values:
        resource.countries.all().delete()
        ResourceCountry.objects.bulk_create(
            ResourceCountry(resource=resource, code=code) for code in codes
        )
    return resource


@transaction.atomic
def create_resource(values: dict[str, Any], *, by: User) -> Resource:
    """A new draft. `values` is already validated (form or API schema): the plain fields by
    name (see RESOURCE_FIELDS), `owner` an Actor or None, `themes`, `population_groups` and
    `actors` lists of objects, `countries` ISO alpha-3 codes.

    A focal point's resource belongs to one of their actors: to the one given, or to their only
    actor when they have one; the secretariat may give any owner or none."""
    _require(permissions.can_create_resource(by))
    values = dict(values)
    if values.get("owner") is None and not permissions.is_secretariat(by):
        own = list(permissions.actors_for_new_resources(by)[:2])
        values["owner"] = own[0] if len(own) == 1 else None
    _check_owner(by, values.get("owner"))
    return _write(Resource(created_by=by), values, by=by, reason="created")


@transaction.atomic
def save_resource(
    resource: Resource,
    values: dict[str, Any],
    *,
    by: User,
    expected_revision: int | None = None,
) -> Resource:
    """Change the fields given in `values` (shapes as for `create_resource`); a key left out is
    left as it was, a list given replaces the previous one. The status does not change: the
    secretariat may correct a published resource, which stays published."""
    _require(permissions.can_edit_resource(by, resource))
    _check_revision(resource, expected_revision)
    if "owner" in values and values["owner"] != resource.owner:
        _check_owner(by, values["owner"])
    return _write(resource, values, by=by, reason="edited")


@transaction.atomic
def submit_resource(resource: Resource, *, by: User, expected_revision: int | None = None) -> None:
    """Send a draft or returned resource to the secretariat for review."""
    _require(permissions.can_submit_resource(by, resource))
    _check_revision(resource, expected_revision)
    resource.status = Resource.Status.SUBMITTED
    _save(resource, by, "submitted")


@transaction.atomic
def return_resource(resource: Resource, *, by: User, comment: str) -> ResourceComment:
    """Send a submitted resource back to its focal points with what needs to change."""
    _require(permissions.can_return_resource(by, resource))
    if not comment.strip():
        raise KnowledgeError(_("Say what needs to change when returning a resource."))
    resource.status = Resource.Status.RETURNED
    _save(resource, by, "returned")
    return ResourceComment.objects.create(resource=resource, author=by, text=comment.strip())


@transaction.atomic
def publish_resource(resource: Resource, *, by: User, expected_revision: int | None = None) -> None:
    """Put a resource on the public pages, from any state: the secretariat may publish what it
    wrote itself without submitting it first."""
    _require(permissions.can_publish_resource(by, resource))
    _check_revision(resource, expected_revision)
    resource.status = Resource.Status.PUBLISHED
    resource.published_at = timezone.now()
    _save(resource, by, "published")


@transaction.atomic
def unpublish_resource(resource: Resource, *, by: User, reason: str) -> ResourceComment:
    """Take a resource off the public pages, back to draft; the reason is kept as a comment for
    its focal points and in the history."""
    _require(permissions.can_unpublish_resource(by, resource))
    if not reason.strip():
        raise KnowledgeError(_("Say why the resource is taken off the public pages."))
    resource.status = Resource.Status.DRAFT
    resource.published_at = None
    _save(resource, by, f"unpublished: {reason.strip()}")
    return ResourceComment.objects.create(resource=resource, author=by, text=reason.strip())


@transaction.atomic
def delete_resource(resource: Resource, *, by: User, reason: str = "") -> None:
    """Hide a resource everywhere; the secretariat can restore it, so nothing is lost."""
    _require(permissions.can_delete_resource(by, resource))
    resource.deleted_at = timezone.now()
    _save(resource, by, f"deleted: {reason.strip()}" if reason.strip() else "deleted")


@transaction.atomic
def restore_resource(resource: Resource, *, by: User) -> None:
    """Bring back a deleted resource in the state it had."""
    _require(permissions.can_restore_resource(by, resource))
    resource.deleted_at = None
    _save(resource, by, "restored")


@transaction.atomic
def attach_file(
    resource: Resource, upload: UploadedFile, *, by: User, expected_revision: int | None = None
) -> ResourceAttachment:
    """Store a file with the resource, once checked by content and size (followup.uploads)."""
    _require(permissions.can_edit_resource(by, resource))
    _check_revision(resource, expected_revision)
    attachment = ResourceAttachment(resource=resource)
    info = store_checked_upload(attachment, upload, by=by)
    _save(resource, by, f"file attached: {info.name}")
    return attachment


@transaction.atomic
def remove_attachment(
    attachment: ResourceAttachment, *, by: User, expected_revision: int | None = None
) -> None:
    """Remove a file from its resource; the stored file goes once the removal is committed."""
    resource = attachment.resource
    _require(permissions.can_edit_resource(by, resource))
    _check_revision(resource, expected_revision)
    stored = attachment.file
    name = attachment.name
    attachment.delete()
    transaction.on_commit(lambda: stored.delete(save=False))
    _save(resource, by, f"file removed: {name}")
