"""Who may see and do what with knowledge resources. Pages, the API and services all ask here.

- The public sees published resources.
- A focal point (a user with a membership of an actor and the focal point role) also sees
  their actors' resources in any state; creates resources for those actors, edits them while
  draft or returned, and submits them.
- The secretariat (who may publish resources) sees and edits every resource in any state,
  returns, publishes (from draft too), unpublishes, deletes and restores.

Reads go through `resources_visible_to`, so nobody learns that another actor's draft exists:
fetching it answers 404 like a missing one.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from followup.knowledge.models import WITH_ACTOR, Resource
from followup.program.models import Actor
from followup.reporting.permissions import AnyUser, actor_ids_of


def is_secretariat(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("knowledge.publish_resource"))


def public_resources() -> QuerySet[Resource]:
    """What anyone may see: published and not deleted."""
    resources: QuerySet[Resource] = Resource.objects.alive()
    return resources.filter(status=Resource.Status.PUBLISHED)


def resources_visible_to(user: AnyUser) -> QuerySet[Resource]:
    resources: QuerySet[Resource] = Resource.objects.alive()
    if is_secretariat(user):
        return resources
    visible = Q(status=Resource.Status.PUBLISHED)
    actors = actor_ids_of(user)
    if actors:
        visible |= Q(owner_id__in=actors)
    return resources.filter(visible)


def get_resource_for(user: AnyUser, pk: int) -> Resource:
    """The resource if `user` may see it; Http404 whether it is missing, deleted or hidden."""
    resource = resources_visible_to(user).select_related("owner").filter(pk=pk).first()
    if resource is None:
        raise Http404
    return resource


def get_deleted_resource_for(user: AnyUser, pk: int) -> Resource:
    """A deleted resource, for the secretariat to restore; Http404 for anyone else."""
    deleted: QuerySet[Resource] = Resource.objects.filter(deleted_at__isnull=False)
    resource = deleted.filter(pk=pk).first() if is_secretariat(user) else None
    if resource is None:
        raise Http404
    return resource


def actors_for_new_resources(user: AnyUser) -> QuerySet[Actor]:
    """The actors `user` may make the owner of a resource: any for the secretariat, their own
    for a focal point, none for anyone else."""
    if is_secretariat(user):
        return Actor.objects.all()
    if not user.is_active or not user.has_perm("knowledge.add_resource"):
        return Actor.objects.none()
    return Actor.objects.filter(pk__in=actor_ids_of(user))


def can_create_resource(user: AnyUser) -> bool:
    return is_secretariat(user) or actors_for_new_resources(user).exists()


def can_own(user: AnyUser, owner: Actor | None) -> bool:
    """Whether `user` may make `owner` the resource's owner (None: no owner)."""
    if is_secretariat(user):
        return True
    return owner is not None and owner.pk in actor_ids_of(user)


def can_read_comments(user: AnyUser, resource: Resource) -> bool:
    """Return comments are for the owner's focal points and the secretariat only."""
    return is_secretariat(user) or (
        resource.owner_id is not None and resource.owner_id in actor_ids_of(user)
    )


def can_edit_resource(user: AnyUser, resource: Resource) -> bool:
    if resource.deleted_at or not user.is_active:
        return False
    if is_secretariat(user):
        return True
    return (
        resource.status in WITH_ACTOR
        and resource.owner_id in actor_ids_of(user)
        and user.has_perm("knowledge.change_resource")
    )


def can_submit_resource(user: AnyUser, resource: Resource) -> bool:
    return (
        resource.status in WITH_ACTOR
        and can_edit_resource(user, resource)
        and user.has_perm("knowledge.submit_resource")
    )


def can_return_resource(user: AnyUser, resource: Resource) -> bool:
    return (
        resource.status == Resource.Status.SUBMITTED
        and not resource.deleted_at
        and is_secretariat(user)
    )


def can_publish_resource(user: AnyUser, resource: Resource) -> bool:
    return (
        resource.status != Resource.Status.PUBLISHED
        and not resource.deleted_at
        and is_secretariat(user)
    )


def can_unpublish_resource(user: AnyUser, resource: Resource) -> bool:
    return (
        resource.status == Resource.Status.PUBLISHED
        and not resource.deleted_at
        and is_secretariat(user)
    )


def can_delete_resource(user: AnyUser, resource: Resource) -> bool:
    return not resource.deleted_at and is_secretariat(user)


def can_restore_resource(user: AnyUser, resource: Resource) -> bool:
    return resource.deleted_at is not None and is_secretariat(user)
