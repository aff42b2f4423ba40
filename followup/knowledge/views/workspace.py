"""The workspace side of the knowledge base: the list of resources one may keep, the form to
create or edit one, and its attached files.

Every object is fetched through `permissions` (404 when hidden), every write goes through one
service, and a rule refusing the action comes back as a message or a field error.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from followup.accounts.models import User
from followup.knowledge import permissions, queries, services
from followup.knowledge.filters import ManageFilterForm
from followup.knowledge.forms import AttachmentForm, ResourceForm, RevisionForm
from followup.knowledge.models import Resource, ResourceAttachment
from followup.knowledge.services import KnowledgeError, StaleRevision
from followup.reporting.permissions import actor_ids_of

MANAGED_PER_PAGE = 50
# The file form shares the edit page with the resource form; the prefix keeps ids apart.
ATTACH_PREFIX = "attach"


def user_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def edit_url(resource: Resource) -> str:
    return reverse("knowledge:resource_edit", args=[resource.pk])


@login_required
def resource_manage_list(request: HttpRequest) -> HttpResponse:
    """A focal point's resources (their actors', in every state); every resource for the
    secretariat, who may also list deleted ones and sees what awaits review first."""
    user = user_of(request)
    secretariat = permissions.is_secretariat(user)
    form = ManageFilterForm(request.GET, with_deleted=secretariat)
    form.is_valid()
    mine: QuerySet[Resource]
    if secretariat and form.wants_deleted:
        mine = Resource.objects.filter(deleted_at__isnull=False)
    elif secretariat:
        mine = permissions.resources_visible_to(user)
    else:
        mine = permissions.resources_visible_to(user).filter(owner_id__in=actor_ids_of(user))
    resources = queries.resources_for_list(queries.filter_resources(mine, form.filters()))
    paginator = Paginator(resources.order_by("-updated_at", "-pk"), MANAGED_PER_PAGE)
    awaiting = (
        permissions.resources_visible_to(user)
        .filter(status=Resource.Status.SUBMITTED)
        .select_related("owner")
        .order_by("updated_at", "pk")
        if secretariat
        else Resource.objects.none()
    )
    return render(
        request,
        "knowledge/resource_manage_list.html",
        {
            "form": form,
            "page": paginator.get_page(request.GET.get("page")),
            "awaiting": awaiting,
            "is_secretariat": secretariat,
            "can_create": permissions.can_create_resource(user),
        },
    )


def _add_model_errors(form: ResourceForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error.messages)


@login_required
def resource_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not permissions.can_create_resource(user):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        form = ResourceForm(request.POST, user=user)
        if form.is_valid():
            try:
                resource = services.create_resource(form.values(), by=user)
            except ValidationError as error:
                _add_model_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Resource saved as a draft: “%(title)s”. Attach files or submit it below.")
                    % {"title": resource.title},
                )
                return redirect(edit_url(resource))
        status = 400
    else:
        form = ResourceForm(initial={"language": request.LANGUAGE_CODE[:2]}, user=user)
    return render(
        request, "knowledge/resource_form.html", {"form": form, "resource": None}, status=status
    )


@login_required
def resource_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    resource = permissions.get_resource_for(user, pk)
    if not permissions.can_edit_resource(user, resource):
        raise PermissionDenied
    conflict: Resource | None = None
    status = 200
    if request.method == "POST":
        form = ResourceForm(request.POST, user=user, editing=True)
        if form.is_valid():
            try:
                services.save_resource(
                    resource,
                    form.values(),
                    by=user,
                    expected_revision=form.cleaned_data["revision"],
                )
            except StaleRevision as error:
                # The form keeps what this person typed; the saved version is shown beside it,
                # and the next save is made knowingly over it.
                form.add_error(None, str(error))
                conflict = Resource.objects.get(pk=resource.pk)
                data = request.POST.copy()
                data["revision"] = str(conflict.revision)
                form.data = data
                status = 409
            except ValidationError as error:
                _add_model_errors(form, error)
                status = 400
            else:
                messages.success(
                    request, _("Resource saved: “%(title)s”.") % {"title": resource.title}
                )
                return redirect(edit_url(resource))
        else:
            status = 400
    else:
        form = ResourceForm(initial=ResourceForm.initial_for(resource), user=user, editing=True)
    return render(
        request,
        "knowledge/resource_form.html",
        {
            "form": form,
            "resource": resource,
            "conflict": conflict,
            "attachments": resource.attachments.order_by("pk"),
            "attachment_form": AttachmentForm(
                initial={"revision": resource.revision}, prefix=ATTACH_PREFIX
            ),
            "revision_form": RevisionForm(initial={"revision": resource.revision}, auto_id=False),
            "can_submit": permissions.can_submit_resource(user, resource),
        },
        status=status,
    )


def _flash_errors(request: HttpRequest, form: forms.Form) -> None:
    for errors in form.errors.values():
        messages.error(request, " ".join(str(error) for error in errors))


def posted_revision(request: HttpRequest) -> int:
    """The revision an action's form carries; a form without one was tampered with."""
    form = RevisionForm(request.POST)
    if not form.is_valid():
        raise BadRequest
    revision: int = form.cleaned_data["revision"]
    return revision


def run_action(request: HttpRequest, action: object, success: str, then: str) -> HttpResponse:
    """Run a service for a POST action; a refusal by its rules comes back as a message (a
    refusal of permission stays a 403)."""
    try:
        action()  # type: ignore[operator]
    except KnowledgeError as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(then)


@login_required
@require_POST
def resource_attach(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    resource = permissions.get_resource_for(user, pk)
    if not permissions.can_edit_resource(user, resource):
        raise PermissionDenied
    form = AttachmentForm(request.POST, request.FILES, prefix=ATTACH_PREFIX)
    if not form.is_valid():
        _flash_errors(request, form)
        return redirect(edit_url(resource))
    upload = form.cleaned_data["file"]
    return run_action(
        request,
        lambda: services.attach_file(
            resource, upload, by=user, expected_revision=form.cleaned_data["revision"]
        ),
        _("File attached: “%(name)s”.") % {"name": upload.name},
        edit_url(resource),
    )


@login_required
@require_POST
def attachment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    attachment = get_object_or_404(ResourceAttachment, pk=pk)
    resource = permissions.get_resource_for(user, attachment.resource_id)
    attachment.resource = resource
    if not permissions.can_edit_resource(user, resource):
        raise PermissionDenied
    revision = posted_revision(request)
    return run_action(
        request,
        lambda: services.remove_attachment(attachment, by=user, expected_revision=revision),
        _("File removed: “%(name)s”.") % {"name": attachment.name},
        edit_url(resource),
    )
