"""Routes of the CAM's calendar, mounted at the site root inside i18n_patterns: the public pages
and feeds under meetings/, the secretariat's workspace under workspace/meetings/.

`meetings/calendar.ics` and `meetings/calendar/` come before the `<int:pk>` routes only for
reading order: an int converter never matches "calendar".
"""

from django.urls import URLPattern, URLResolver, path

from followup.meetings.views import feeds, public, workspace

app_name = "meetings"

urlpatterns: list[URLPattern | URLResolver] = [
    path("meetings/", public.meeting_list, name="list"),
    path("meetings/calendar/", public.calendar, name="calendar"),
    path("meetings/calendar.ics", feeds.feed, name="feed"),
    path("meetings/<int:pk>/", public.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>.ics", feeds.meeting_ics, name="meeting_ics"),
    path("meetings/work-plans/<int:pk>/", public.work_plan_detail, name="work_plan_detail"),
    path("meetings/documents/<int:pk>/", public.document_download, name="document_download"),
    path("workspace/meetings/", workspace.manage, name="manage"),
    path("workspace/meetings/new/", workspace.meeting_create, name="meeting_create"),
    path("workspace/meetings/<int:pk>/edit/", workspace.meeting_edit, name="meeting_edit"),
    path("workspace/meetings/<int:pk>/documents/new/", workspace.document_add, name="document_add"),
    path(
        "workspace/meetings/<int:pk>/findings/entry/",
        workspace.finding_entry,
        name="finding_entry",
    ),
    path(
        "workspace/meetings/<int:pk>/findings/recommendation/",
        workspace.finding_recommendation,
        name="finding_recommendation",
    ),
    path("workspace/meetings/work-plans/new/", workspace.work_plan_create, name="work_plan_create"),
    path(
        "workspace/meetings/work-plans/<int:pk>/edit/",
        workspace.work_plan_edit,
        name="work_plan_edit",
    ),
    path(
        "workspace/meetings/work-plans/<int:pk>/rows/new/", workspace.row_create, name="row_create"
    ),
    path("workspace/meetings/rows/<int:pk>/edit/", workspace.row_edit, name="row_edit"),
    path(
        "workspace/meetings/rows/<int:pk>/plan-meeting/",
        workspace.plan_from_row,
        name="plan_from_row",
    ),
]
