"""The list of imported documents, the upload, the text as read and the original file."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from followup.accounts.models import User
from followup.ingest import permissions, services
from followup.ingest.blocks import UnreadableFile
from followup.ingest.forms import UploadForm
from followup.ingest.models import Proposal, SourceDocument
from followup.ingest.views import READ, user_who
from followup.uploads import human_size

DOCUMENTS_PER_PAGE = 50


def documents_with_counts() -> models.QuerySet[SourceDocument]:
    by_status = {
        status: Count("proposals", filter=Q(proposals__status=status))
        for status in Proposal.Status.values
    }
    return (
        SourceDocument.objects.select_related("imported_by")
        .annotate(**by_status)
        .order_by("-imported_at", "-pk")  # Meta.ordering does not apply to aggregations
    )


@login_required
@require_safe
def document_list(request: HttpRequest) -> HttpResponse:
    user = user_who(request, *READ)
    page = Paginator(documents_with_counts(), DOCUMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "ingest/document_list.html",
        {
            "page": page,
            "form": UploadForm(),
            "can_import": permissions.can_import(user),
            "limit": human_size(int(settings.UPLOAD_MAX_BYTES)),
            "Status": Proposal.Status,  # the counts' column headings
        },
    )


@login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    user = user_who(request, permissions.can_import)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(error) for error in errors))
        return redirect("ingest:list")
    for file in form.cleaned_data["documents"]:
        _import_one(request, file, user)
    return redirect("ingest:list")


def _import_one(request: HttpRequest, file: UploadedFile, user: User) -> None:
    """One message per file, so a bad file among good ones is named and the rest go through."""
    name = file.name or _("The file")
    limit = int(settings.UPLOAD_MAX_BYTES)
    size = file.size or 0
    if size > limit:  # before reading a byte of it
        messages.error(
            request,
            _("%(name)s: the file is %(size)s; the limit is %(limit)s.")
            % {"name": name, "size": human_size(size), "limit": human_size(limit)},
        )
        return
    if size == 0:
        messages.error(request, _("%(name)s: the file is empty.") % {"name": name})
        return
    try:
        outcome = services.ingest_bytes(file.read(), name, by=user)
    except UnreadableFile as error:
        messages.error(request, _("%(name)s: %(reason)s") % {"name": name, "reason": error})
        return
    level = messages.SUCCESS if outcome.created else messages.INFO
    messages.add_message(
        request, level, _("%(name)s: %(reason)s") % {"name": name, "reason": outcome.summary}
    )


@dataclass(frozen=True)
class SourceBlock:
    index: int
    text: str
    highlighted: bool

    @property
    def number(self) -> int:
        return self.index + 1


@dataclass(frozen=True)
class SourceGroup:
    """One element of the source page: a heading, a paragraph, a table row or a whole list."""

    kind: str
    level: int  # the HTML heading level, for headings
    blocks: list[SourceBlock]


def source_groups(blocks: list[dict[str, Any]], first: int, last: int) -> list[SourceGroup]:
    """The blocks as page elements: list items gathered into lists, and heading levels that
    never skip one (an h4 straight after an h2 would break the outline screen readers use)."""
    groups: list[SourceGroup] = []
    depth = 1  # the page title is the h1
    for index, block in enumerate(blocks):
        item = SourceBlock(index, str(block.get("text", "")), first <= index <= last)
        kind = str(block.get("kind", "paragraph"))
        if kind == "list_item":
            if groups and groups[-1].kind == "list":
                groups[-1].blocks.append(item)
            else:
                groups.append(SourceGroup("list", 0, [item]))
        elif kind == "heading":
            level = int(block.get("level") or 0)  # 0: the reader could not tell
            wanted = level + 1 if level else max(depth, 2)
            depth = max(2, min(wanted, depth + 1, 6))
            groups.append(SourceGroup("heading", depth, [item]))
        else:
            groups.append(
                SourceGroup("table_row" if kind == "table_row" else "paragraph", 0, [item])
            )
    return groups


def _highlighted_range(query: QueryDict, count: int) -> tuple[int, int]:
    """`?from=i&to=j` as block indexes; anything else highlights nothing."""
    try:
        first = int(query.get("from", ""))
        last = int(query.get("to") or first)
    except ValueError:
        return -1, -1
    first, last = min(first, last), max(first, last)
    if first < 0 or first >= count:
        return -1, -1
    return first, last


@login_required
@require_safe
def document_source(request: HttpRequest, pk: int) -> HttpResponse:
    user_who(request, *READ)
    document = get_object_or_404(SourceDocument, pk=pk)
    first, last = _highlighted_range(request.GET, len(document.blocks))
    return render(
        request,
        "ingest/document_source.html",
        {
            "document": document,
            "groups": source_groups(document.blocks, first, last),
            "first": first,
        },
    )


@login_required
@require_safe
def document_original(request: HttpRequest, pk: int) -> FileResponse:
    user_who(request, permissions.can_import)
    document = get_object_or_404(SourceDocument, pk=pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError):  # ValueError: no file attached
        raise Http404 from None
    # Always a download with the type found by sniffing: an uploaded file is never rendered.
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.filename,
        content_type=document.media_type or "application/octet-stream",
    )
