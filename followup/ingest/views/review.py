"""One document's review page: each proposed record beside the passage it was read from,
accepted, rejected or edited one by one, or the plain ones accepted in bulk."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from followup.countries import country_name
from followup.ingest import permissions, review
from followup.ingest.forms import PROPOSAL_FORMS, AcceptCleanForm, FilterForm
from followup.ingest.models import Proposal, SourceDocument
from followup.ingest.views import READ, provenance_url, user_who
from followup.reporting.models import LANGUAGES, Entry

PROPOSALS_PER_PAGE = 50
# A proposal's excerpt beside it stops here; the source page has the rest.
EXCERPT_BLOCKS = 12


@dataclass(frozen=True)
class SourceLine:
    """A block of the source beside a proposal; `marked` is the span the proposal came from."""

    index: int
    kind: str
    before: str
    marked: str
    after: str


@dataclass(frozen=True)
class ProposalItem:
    proposal: Proposal
    source: list[SourceLine]
    more: bool  # the excerpt was cut; the rest is on the source page
    fields: list[tuple[str, str]]
    record_url: str
    source_url: str  # the passage on the source page


_RESOLUTION_KINDS = {
    "resolution": gettext_lazy("Resolution"),
    "declaration": gettext_lazy("Declaration"),
}

# What is shown of each kind of proposed record, in order: data key and label.
_SHOWN: dict[str, list[tuple[str, Any]]] = {
    Proposal.Kind.ENTRY: [
        ("actor_name", gettext_lazy("Actor")),
        ("period", gettext_lazy("Period")),
        ("kind", gettext_lazy("Kind")),
        ("title", gettext_lazy("Title")),
        ("narrative", gettext_lazy("Narrative")),
        ("language", gettext_lazy("Language of the text")),
        ("countries", gettext_lazy("Countries")),
        ("starts", gettext_lazy("From")),
        ("ends", gettext_lazy("Until")),
        ("figures", gettext_lazy("Figures")),
    ],
    Proposal.Kind.RECOMMENDATION: [
        ("group", gettext_lazy("Group or panel")),
        ("text", gettext_lazy("Text")),
        ("source", gettext_lazy("Source")),
    ],
    Proposal.Kind.CALENDAR_ROW: [
        ("date", gettext_lazy("Date")),
        ("date_text", gettext_lazy("Date as written")),
        ("activity", gettext_lazy("Activity")),
        ("mandates", gettext_lazy("Mandates")),
        ("notes", gettext_lazy("Notes and possible guests")),
        ("work_plan", gettext_lazy("Work plan")),
    ],
    Proposal.Kind.MANDATE: [
        ("symbol", gettext_lazy("Symbol")),
        ("kind", gettext_lazy("Kind")),
        ("title_en", gettext_lazy("Title (English)")),
        ("title_es", gettext_lazy("Title (Spanish)")),
    ],
}


def _shown_value(kind: str, key: str, value: Any) -> str:
    if key == "kind":
        labels = dict(Entry.Kind.choices) if kind == Proposal.Kind.ENTRY else _RESOLUTION_KINDS
        return str(labels.get(value, value))
    if key == "language":
        return str(dict(LANGUAGES).get(value, value))
    if key == "countries":
        return ", ".join(f"{country_name(code)} ({code})" for code in value)
    if key == "figures":
        return "; ".join(f"{amount} {what}".strip() for amount, what in value)
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def proposal_fields(proposal: Proposal) -> list[tuple[str, str]]:
    """The proposed record as (label, text) pairs, leaving out what the extraction left empty."""
    return [
        (str(label), _shown_value(proposal.kind, key, proposal.data[key]))
        for key, label in _SHOWN.get(proposal.kind, [])
        if proposal.data.get(key) not in (None, "", [])
    ]


def source_excerpt(document: SourceDocument, proposal: Proposal) -> tuple[list[SourceLine], bool]:
    last = min(proposal.last_block, proposal.first_block + EXCERPT_BLOCKS - 1)
    lines = []
    for index in range(proposal.first_block, last + 1):
        if index >= len(document.blocks):
            break
        block = document.blocks[index]
        text = str(block.get("text", ""))
        start, end = proposal.start, proposal.end
        if index == proposal.first_block and 0 <= start < end <= len(text):
            lines.append(
                SourceLine(index, block["kind"], text[:start], text[start:end], text[end:])
            )
        else:
            lines.append(SourceLine(index, block["kind"], text, "", ""))
    return lines, last < proposal.last_block


def record_url(record: models.Model | None) -> str:
    """Where an accepted proposal's record can be seen, or "" when it has no page."""
    if isinstance(record, Entry):
        return reverse("reporting:report_page", args=[record.report_id]) + f"#entry-{record.pk}"
    get_url = getattr(record, "get_absolute_url", None)
    return str(get_url()) if get_url is not None else ""


def proposal_item(document: SourceDocument, proposal: Proposal) -> ProposalItem:
    lines, more = source_excerpt(document, proposal)
    accepted = proposal.status == Proposal.Status.ACCEPTED
    return ProposalItem(
        proposal=proposal,
        source=lines,
        more=more,
        fields=proposal_fields(proposal),
        record_url=record_url(proposal.record) if accepted else "",
        source_url=provenance_url(proposal),
    )


@login_required
@require_safe
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_who(request, *READ)
    document = get_object_or_404(SourceDocument.objects.select_related("imported_by"), pk=pk)
    filters = FilterForm(request.GET)
    proposals = document.proposals.select_related("reviewed_by").prefetch_related("record")
    status = 200
    if filters.is_valid():
        for key in ("kind", "status"):
            if filters.cleaned_data[key]:
                proposals = proposals.filter(**{key: filters.cleaned_data[key]})
    else:
        proposals, status = proposals.none(), 400
    page = Paginator(proposals, PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    clean = dict(
        document.proposals.filter(status=Proposal.Status.PENDING, warnings=[])
        .values_list("kind")
        .annotate(count=Count("pk"))
    )
    return render(
        request,
        "ingest/document_detail.html",
        {
            "document": document,
            "filters": filters,
            "page": page,
            "items": [proposal_item(document, proposal) for proposal in page],
            "clean_total": sum(clean.values()),
            # Its own ids: the filters above have a "kind" field too.
            "accept_clean_form": AcceptCleanForm(counts=clean, auto_id="bulk-%s"),
            "can_review": permissions.can_review(user),
            "can_import": permissions.can_import(user),
        },
        status=status,
    )


def _back_to_document(request: HttpRequest, document_id: int, anchor: str = "") -> HttpResponse:
    """Back to the review page with the filters and page it was posted from."""
    posted = QueryDict(request.POST.get("query", ""))
    kept = {key: posted[key] for key in ("kind", "status", "page") if posted.get(key)}
    url = reverse("ingest:document", args=[document_id])
    return redirect(url + (f"?{urlencode(kept)}" if kept else "") + anchor)


@login_required
@require_POST
def proposal_accept(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_who(request, permissions.can_review)
    proposal = get_object_or_404(Proposal.objects.select_related("document"), pk=pk)
    try:
        record = review.accept(proposal, by=user)
    except review.ReviewError as error:
        messages.error(request, _refused(proposal, error))
    else:
        messages.success(request, _accepted(proposal, record))
    return _back_to_document(request, proposal.document_id, f"#p-{proposal.pk}")


@login_required
@require_POST
def proposal_reject(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_who(request, permissions.can_review)
    proposal = get_object_or_404(Proposal.objects.select_related("document"), pk=pk)
    try:
        review.reject(proposal, by=user)
    except review.ReviewError as error:
        messages.error(request, _refused(proposal, error))
    else:
        messages.success(
            request, _("Proposal %(number)s rejected.") % {"number": proposal.position + 1}
        )
    return _back_to_document(request, proposal.document_id, f"#p-{proposal.pk}")


# Proposals are numbered from 1 on the page, in document order.
def _accepted(proposal: Proposal, record: models.Model) -> str:
    return _("Proposal %(number)s accepted: %(record)s.") % {
        "number": proposal.position + 1,
        "record": record,
    }


def _refused(proposal: Proposal, error: review.ReviewError) -> str:
    return _("Proposal %(number)s: %(reason)s") % {
        "number": proposal.position + 1,
        "reason": error,
    }


@login_required
@require_POST
def accept_clean(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_who(request, permissions.can_review)
    document = get_object_or_404(SourceDocument, pk=pk)
    form = AcceptCleanForm(request.POST)
    if not form.is_valid():
        raise Http404  # a tampered form: the select offers only the known kinds
    accepted, left = review.accept_clean(document, by=user, kind=form.cleaned_data["kind"])
    messages.success(
        request,
        _("%(accepted)s accepted, %(left)s left for review.")
        % {"accepted": accepted, "left": left},
    )
    return _back_to_document(request, document.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a proposal and accept it as edited; anything refused re-shows what was typed."""
    user = user_who(request, permissions.can_review)
    proposal = get_object_or_404(Proposal.objects.select_related("document"), pk=pk)
    form_class = PROPOSAL_FORMS[proposal.kind]
    pending = proposal.status == Proposal.Status.PENDING
    status = 200
    if request.method == "POST":
        if not pending:
            messages.error(request, _("This proposal was already reviewed."))
            return redirect("ingest:proposal", pk=proposal.pk)
        form = form_class(request.POST)
        if form.is_valid():
            try:
                record = review.accept(proposal, by=user, data=form.to_data())
            except review.ReviewError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _accepted(proposal, record))
                return _back_to_document(request, proposal.document_id, f"#p-{proposal.pk}")
        status = 400
    else:
        form = form_class(initial=form_class.initial_from(proposal.data))
    return render(
        request,
        "ingest/proposal_form.html",
        {
            "document": proposal.document,
            "item": proposal_item(proposal.document, proposal),
            "form": form,
            "pending": pending,
        },
        status=status,
    )
