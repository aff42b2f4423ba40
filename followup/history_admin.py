"""The admin base for models with a history: past versions can be read and compared, never
restored.

django-simple-history's "revert" re-saves an old version through the admin form. That bypasses
the services' rules (review status, revisions, one current scale) and would put withdrawn text
back on the public pages, so the history pages are read-only: SIMPLE_HISTORY_REVERT_DISABLED
hides the button, and a hand-made POST is refused here.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method == "POST":
            raise PermissionDenied
        response: HttpResponse = super().history_form_view(
            request, object_id, version_id, extra_context
        )
        return response
