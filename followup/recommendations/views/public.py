"""Public pages of the recommendations: lists, one recommendation's matrix, progress per
addressee and per theme, the map, who has not answered, and the figures as CSV.

Every figure comes from `progress`, the same for every visitor: only published follow-ups are
shown, whoever is signed in. The list's filters follow the knowledge base: a value that matches
nothing is explained beside its field and left out.
"""

import csv
from collections.abc import Iterator

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from followup.maps.choropleth import Choropleth, build_choropleth
from followup.recommendations.filters import CycleForm, RecommendationFilterForm
from followup.recommendations.models import FollowUpAttachment, StatusLevel
from followup.recommendations.permissions import follow_ups_visible_to
from followup.recommendations.progress import answers, ledger, lists, pages
from followup.recommendations.templatetags.recommendations_progress import format_share
from followup.reporting.exports import spreadsheet_cells

RECOMMENDATIONS_PER_PAGE = 25
MAP_BREAKS = (0, 20, 40, 60, 80, 100)


def _filters(
    request: HttpRequest,
) -> tuple[RecommendationFilterForm, lists.RecommendationFilters]:
    form = RecommendationFilterForm(request.GET)
    form.is_valid()
    return form, form.filters()


def recommendation_list(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    paginator = Paginator(lists.filter_recommendations(filters), RECOMMENDATIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    sections = lists.sections(list(page.object_list))
    return render(
        request,
        "recommendations/public/recommendation_list.html",
        {"form": form, "page": page, "sections": sections},
    )


def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request,
        "recommendations/public/source_detail.html",
        {"page": lists.source_page(pk)},
    )


def recommendation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request,
        "recommendations/public/recommendation_detail.html",
        {"page": pages.recommendation_page(pk)},
    )


def addressee_progress(request: HttpRequest, key: str) -> HttpResponse:
    return render(
        request,
        "recommendations/public/addressee_progress.html",
        {"page": pages.addressee_page(key)},
    )


def theme_progress(request: HttpRequest, slug: str) -> HttpResponse:
    return render(
        request,
        "recommendations/public/theme_progress.html",
        {"page": pages.theme_page(slug)},
    )


def _state_link(code: str) -> str:
    return reverse("recommendations:addressee_progress", args=[code.lower()])


def state_map(overview: pages.Overview) -> Choropleth:
    """The Americas shaded by each member state's share implemented (the state table's
    figures), each state linking to its page."""
    return build_choropleth(
        overview.share_by_country(),
        breaks=MAP_BREAKS,
        formatter=format_share,
        title=_("Share of recommendations implemented, by member state"),
        description=_(
            "Published follow-up only. States with no published status for an applicable "
            "recommendation have no data."
        ),
        link=_state_link,
        slug="map-implemented",
    )


def progress_overview(request: HttpRequest) -> HttpResponse:
    overview = pages.overview()
    return render(
        request,
        "recommendations/public/progress.html",
        {
            "overview": overview,
            "map": state_map(overview),
            "cycles": answers.answer_cycles(),
            "default_cycle": answers.default_answer_cycle(),
        },
    )


def unanswered(request: HttpRequest) -> HttpResponse:
    """Who has not answered in a cycle (by default the latest with answers). A cycle that
    does not exist is explained beside the selector, with a 400 and no list."""
    if "cycle" in request.GET:
        form = CycleForm(request.GET)
        cycle = form.cleaned_data["cycle"] if form.is_valid() else None
    else:
        cycle = answers.default_answer_cycle()
        form = CycleForm(initial={"cycle": cycle.slug if cycle else None})
    return render(
        request,
        "recommendations/public/unanswered.html",
        {
            "form": form,
            "cycle": cycle,
            "missing": answers.unanswered_in(cycle) if cycle else (),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


class _Echo:
    """A write-only file whose `write` returns what it was given, for csv.writer to stream."""

    def write(self, value: str) -> str:
        return value


def _figure_headers(columns: tuple[StatusLevel, ...]) -> list[str]:
    return [
        _("implemented"),
        _("counted"),
        _("not applicable"),
        _("no answer"),
        _("share implemented (%)"),
        *(str(level.label) for level in columns),
    ]


def _figure_cells(figures: ledger.Progress) -> list[str]:
    share = figures.share
    return [
        str(figures.implemented),
        str(figures.applicable),
        str(figures.not_applicable),
        str(figures.unanswered),
        "" if share is None else f"{share:.1f}",
        *(str(count.count) for count in figures.by_level),
    ]


def _state_rows(overview: pages.Overview) -> Iterator[list[str]]:
    yield [_("country"), _("addressee"), _("recommendations"), *_figure_headers(overview.columns)]
    for row in (*overview.states, *overview.others):
        yield [
            row.actor.country,
            row.actor.name,
            str(row.recommendations),
            *_figure_cells(row.progress),
        ]


def _recommendation_rows(
    items: list[lists.RecommendationProgress],
    columns: tuple[StatusLevel, ...],
    request: HttpRequest,
) -> Iterator[list[str]]:
    yield [
        _("id"),
        _("source"),
        _("group or panel"),
        _("number"),
        _("text"),
        _("all member states"),
        _("addressees"),
        *_figure_headers(columns),
        _("address"),
    ]
    for item in items:
        recommendation = item.recommendation
        yield [
            str(recommendation.pk),
            str(recommendation.source),
            recommendation.group,
            "" if recommendation.number is None else str(recommendation.number),
            recommendation.text,
            "true" if recommendation.all_member_states else "false",
            str(item.progress.addressed),
            *_figure_cells(item.progress),
            request.build_absolute_uri(recommendation.get_absolute_url()),
        ]


def _csv_lines(rows: Iterator[list[str]], language: str) -> Iterator[str]:
    """Written while the response streams: keep the request's language for names and labels.
    A cell starting like a formula is kept as text (spreadsheet_cells)."""
    writer = csv.writer(_Echo())
    with translation.override(language):
        # The byte order mark tells Excel the file is UTF-8.
        yield "\ufeff"
        for row in rows:
            yield writer.writerow(spreadsheet_cells(list(row)))


def progress_export(request: HttpRequest, table: str) -> StreamingHttpResponse:
    """The per-addressee figures, or the per-recommendation figures of the list's filters.
    The figures are read here, in a fixed number of queries; only the writing streams."""
    if table == "states":
        rows = _state_rows(pages.overview())
    elif table == "recommendations":
        _form, filters = _filters(request)
        items, columns = lists.all_recommendation_progress(filters)
        rows = _recommendation_rows(items, columns, request)
    else:
        raise Http404
    response = StreamingHttpResponse(
        _csv_lines(rows, translation.get_language() or "en"),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"follow-up-recommendations-{table}.csv"
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=filename) or "attachment"
    )
    return response


def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    """A document follows its follow-up: public once published, else only for who may see the
    follow-up. Always a download with the type found when it was checked, never inline."""
    attachment = get_object_or_404(FollowUpAttachment, pk=pk)
    if not follow_ups_visible_to(request.user).filter(pk=attachment.follow_up_id).exists():
        raise Http404
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.name
    )
    response["Content-Type"] = attachment.content_type
    return response
