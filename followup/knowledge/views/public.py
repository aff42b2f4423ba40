"""Public pages of the knowledge base: published resources, filtered and counted by kind,
and each resource with its files. Drafts are seen only by who may see them (permissions)."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from followup.knowledge import permissions, queries
from followup.knowledge.filters import ResourceFilterForm
from followup.knowledge.forms import ReturnForm, RevisionForm, UnpublishForm
from followup.knowledge.models import ResourceAttachment

RESOURCES_PER_PAGE = 25


def resource_list(request: HttpRequest) -> HttpResponse:
    """Published resources; a filter value that matches nothing is explained beside its field
    and left out, so the page always lists something."""
    form = ResourceFilterForm(request.GET)
    form.is_valid()
    filters = form.filters()
    published = permissions.public_resources()
    resources = queries.resources_for_list(queries.filter_resources(published, filters))
    paginator = Paginator(resources.order_by("-date", "title", "pk"), RESOURCES_PER_PAGE)
    return render(
        request,
        "knowledge/resource_list.html",
        {
            "form": form,
            "page": paginator.get_page(request.GET.get("page")),
            "kinds": queries.counts_by_kind(
                queries.filter_resources(published, filters, with_kind=False)
            ),
            "selected_kind": filters.kind,
            "can_manage": request.user.is_authenticated
            and permissions.can_create_resource(request.user),
        },
    )


def resource_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    visible = queries.resources_for_output(permissions.resources_visible_to(user))
    resource = visible.filter(pk=pk).first()
    if resource is None:  # missing, deleted or hidden alike
        raise Http404
    can_read_comments = permissions.can_read_comments(user, resource)
    return render(
        request,
        "knowledge/resource_detail.html",
        {
            "resource": resource,
            "comments": resource.comments.select_related("author") if can_read_comments else [],
            "can_edit": permissions.can_edit_resource(user, resource),
            "can_submit": permissions.can_submit_resource(user, resource),
            "can_return": permissions.can_return_resource(user, resource),
            "can_publish": permissions.can_publish_resource(user, resource),
            "can_unpublish": permissions.can_unpublish_resource(user, resource),
            "can_delete": permissions.can_delete_resource(user, resource),
            "revision_form": RevisionForm(initial={"revision": resource.revision}, auto_id=False),
            "return_form": ReturnForm(),
            "unpublish_form": UnpublishForm(),
        },
    )


def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """A file follows its resource: public once published, else only for who may see it.
    Always a download with the detected type: uploaded files are never rendered inline."""
    attachment = get_object_or_404(ResourceAttachment, pk=pk)
    visible = permissions.resources_visible_to(request.user)
    if not visible.filter(pk=attachment.resource_id).exists():
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.name
    )
    response["Content-Type"] = attachment.content_type
    return response
