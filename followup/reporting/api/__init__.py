"""Reporting in the JSON API: cycles, reports, entries, follow-ups of planned entries.

Reads go through `permissions` exactly like the pages: a report or entry the user may not see
answers 404, the same as one that does not exist. Writes need a signed-in user (a personal API
token, or a session with its CSRF token); each fetches its object through `permissions` first,
refuses with 403 what the user may not do to an object they can see, validates the body
(400 naming the field), then calls the one service for the use case, which checks the rules
again and the report's `revision` (409 when it is stale, see followup.api.errors).

The package, by topic: `messages` (the human messages and shared phrases), `entry_fields`
(an entry's figures and links), `serializers` (what each resource looks like), `reads` (the
query-string filters and the read-only endpoints) and `writes` (the endpoints that change a
report). This module only lists the routes, which followup/api/urls.py mounts.
"""

from django.urls import path

from followup.reporting.api.reads import (
    CycleDetail,
    CycleList,
    EntryList,
    ReportDetail,
    ReportList,
)
from followup.reporting.api.writes import (
    EntryCreate,
    EntryDetail,
    FollowUpDetail,
    ReportAccept,
    ReportPublish,
    ReportReturn,
    ReportSubmit,
)

urlpatterns = [
    path("cycles/", CycleList.as_view(), name="cycle_list"),
    path("cycles/<slug:slug>/", CycleDetail.as_view(), name="cycle_detail"),
    path("reports/", ReportList.as_view(), name="report_list"),
    path("reports/<int:pk>/", ReportDetail.as_view(), name="report_detail"),
    path("reports/<int:pk>/entries/", EntryCreate.as_view(), name="report_entry_create"),
    path("reports/<int:pk>/submit/", ReportSubmit.as_view(), name="report_submit"),
    path("reports/<int:pk>/return/", ReportReturn.as_view(), name="report_return"),
    path("reports/<int:pk>/accept/", ReportAccept.as_view(), name="report_accept"),
    path("reports/<int:pk>/publish/", ReportPublish.as_view(), name="report_publish"),
    path("entries/", EntryList.as_view(), name="entry_list"),
    path("entries/<int:pk>/", EntryDetail.as_view(), name="entry_detail"),
    path("followups/<int:pk>/", FollowUpDetail.as_view(), name="followup_detail"),
]
