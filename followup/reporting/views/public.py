"""Public pages of reporting: published reports and entries, the same for every visitor.

Views parse the query string with a form (a bad filter is explained beside its field, with a
400 status), read through `queries` (published content only) and render.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from followup.ingest.templatetags.provenance import accepted_proposals
from followup.reporting import queries
from followup.reporting.filters import EntryFilterForm
from followup.reporting.models import Entry

ENTRIES_PER_PAGE = 25


def cycle_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "reporting/public/cycle_list.html", {"cycles": queries.cycles_with_counts()}
    )


def cycle_detail(request: HttpRequest, slug: str) -> HttpResponse:
    cycle, groups = queries.cycle_detail(slug)
    return render(request, "reporting/public/cycle_detail.html", {"cycle": cycle, "groups": groups})


def report_detail(request: HttpRequest, cycle_slug: str, actor_slug: str) -> HttpResponse:
    public = queries.published_report(cycle_slug, actor_slug)
    return render(
        request,
        "reporting/public/report_detail.html",
        {
            "report": public.report,
            "cycle": public.report.cycle,
            "actor": public.report.actor,
            "by_kind": public.by_kind,
            "followups": public.followups,
            # Where imported entries were read from, for the whole page in one query.
            "provenance": accepted_proposals(Entry, public.report.entries.values("pk")),
        },
    )


def entry_list(request: HttpRequest) -> HttpResponse:
    """Published entries, filtered; a bad filter shows its message and no list (400), since a
    list that silently ignored it would look filtered when it is not."""
    form = EntryFilterForm(request.GET)
    page = None
    status = 200
    if form.is_valid():
        paginator = Paginator(queries.filtered_entries(form.filters()), ENTRIES_PER_PAGE)
        page = paginator.get_page(request.GET.get("page"))
    else:
        status = 400
    return render(
        request, "reporting/public/entry_list.html", {"form": form, "page": page}, status=status
    )


def actor_record(request: HttpRequest, slug: str) -> HttpResponse:
    actor, records = queries.actor_record(slug)
    return render(
        request, "reporting/public/actor_record.html", {"actor": actor, "records": records}
    )
