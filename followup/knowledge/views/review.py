"""The POST actions that move a resource through its review: submit, return, publish,
unpublish, delete and restore. Each asks `permissions` before anything else (403 when the
user sees the resource but may not act), then calls one service and says what happened."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.knowledge import permissions, services
from followup.knowledge.forms import ReturnForm, UnpublishForm
from followup.knowledge.views.workspace import posted_revision, run_action, user_of


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
@require_POST
def resource_submit(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    resource = permissions.get_resource_for(user, pk)
    _require(permissions.can_submit_resource(user, resource))
    revision = posted_revision(request)
    return run_action(
        request,
        lambda: services.submit_resource(resource, by=user, expected_revision=revision),
        _("Resource submitted to the CAM secretariat for review. Thank you."),
        resource.get_absolute_url(),
    )


@login_required
@require_POST
def resource_return(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    resource = permissions.get_resource_for(user, pk)
    _require(permissions.can_return_resource(user, resource))
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors["comment"]))
        return redirect(resource.get_absolute_url())
    return run_action(
        request,
        lambda: services.return_resource(resource, by=user, comment=form.cleaned_data["comment"]),
        _("Resource returned to its focal points with your comment."),
        resource.get_absolute_url(),
    )


@login_required
@require_POST
def resource_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    resource = permissions.get_resource_for(user, pk)
    _require(permissions.can_publish_resource(user, resource))
    revision = posted_revision(request)
    return run_action(
        request,
        lambda: services.publish_resource(resource, by=user, expected_revision=revision),
        _("Resource published: it is now in the public knowledge base."),
        resource.get_absolute_url(),
    )


@login_required
@require_POST
def resource_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    resource = permissions.get_resource_for(user, pk)
    _require(permissions.can_unpublish_resource(user, resource))
    form = UnpublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors["reason"]))
        return redirect(resource.get_absolute_url())
    return run_action(
        request,
        lambda: services.unpublish_resource(resource, by=user, reason=form.cleaned_data["reason"]),
        _("Resource taken off the public pages; it is a draft again."),
        resource.get_absolute_url(),
    )


@login_required
@require_POST
def resource_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    resource = permissions.get_resource_for(user, pk)
    _require(permissions.can_delete_resource(user, resource))
    return run_action(
        request,
        lambda: services.delete_resource(resource, by=user),
        _("Resource deleted: “%(title)s”. It can be restored from the deleted resources.")
        % {"title": resource.title},
        reverse("knowledge:resource_manage_list"),
    )


@login_required
@require_POST
def resource_restore(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    resource = permissions.get_deleted_resource_for(user, pk)
    return run_action(
        request,
        lambda: services.restore_resource(resource, by=user),
        _("Resource restored: “%(title)s”.") % {"title": resource.title},
        resource.get_absolute_url(),
    )
