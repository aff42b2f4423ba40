"""The admin page that shows the registry's history as one timeline."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from followup.program import history
from followup.program.permissions import can_view_registry_history

PER_PAGE = 50


class _CountOnly:
    """Lets Django's Paginator page over the merged history without loading all of it."""

    def count(self) -> int:
        return history.count_changes()

    def __getitem__(self, _slice: slice) -> list[object]:
        return []  # the page's rows come from `history.recent_changes`


def registry_history(request: HttpRequest) -> HttpResponse:
    if not can_view_registry_history(request.user):
        raise PermissionDenied
    paginator: Paginator[object] = Paginator(_CountOnly(), PER_PAGE)  # type: ignore[arg-type]
    page = paginator.get_page(request.GET.get("page"))
    offset = (page.number - 1) * PER_PAGE
    changes = history.recent_changes(offset=offset, limit=PER_PAGE)
    context = {
        **admin.site.each_context(request),
        "title": _("Registry history"),
        "changes": changes,
        "page_obj": page,
    }
    return render(request, "program/admin/registry_history.html", context)
