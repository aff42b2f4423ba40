from django.urls import URLPattern, URLResolver, path

from followup.reporting import urls_public
from followup.reporting.views import cycles, exports, review, workspace

app_name = "reporting"

urlpatterns: list[URLPattern | URLResolver] = [
    path("workspace/", workspace.workspace, name="workspace"),
    path("workspace/reports/<int:pk>/", workspace.report_page, name="report_page"),
    path("workspace/reports/<int:pk>/entries/new/", workspace.entry_create, name="entry_create"),
    path("workspace/reports/<int:pk>/submit/", workspace.report_submit, name="report_submit"),
    path("workspace/reports/<int:pk>/return/", review.report_return, name="report_return"),
    path("workspace/reports/<int:pk>/accept/", review.report_accept, name="report_accept"),
    path("workspace/reports/<int:pk>/publish/", review.report_publish, name="report_publish"),
    path("workspace/reports/<int:pk>/reopen/", review.report_reopen, name="report_reopen"),
    path("workspace/reports/<int:pk>/history/", review.report_history, name="report_history"),
    path("workspace/reports/<int:pk>/original/", workspace.report_original, name="report_original"),
    path("files/reports/<int:pk>/", workspace.original_download, name="original_download"),
    path("files/attachments/<int:pk>/", workspace.attachment_download, name="attachment_download"),
    path("workspace/entries/<int:pk>/attach/", workspace.entry_attach, name="entry_attach"),
    path("workspace/entries/<int:pk>/", workspace.entry_edit, name="entry_edit"),
    path("workspace/entries/<int:pk>/delete/", workspace.entry_delete, name="entry_delete"),
    path("workspace/entries/<int:pk>/restore/", review.entry_restore, name="entry_restore"),
    path("workspace/followups/<int:pk>/", workspace.followup_update, name="followup_update"),
    path("workspace/cycles/", cycles.cycle_manage, name="cycle_manage"),
    path("workspace/cycles/<slug:slug>/open/", cycles.cycle_open, name="cycle_open"),
    path("workspace/cycles/<slug:slug>/close/", cycles.cycle_close, name="cycle_close"),
    path("entries/export/<str:fmt>/", exports.entry_export, name="entry_export"),
    path("reports/<slug:slug>/export/<str:fmt>/", exports.cycle_export, name="cycle_export"),
    *urls_public.urlpatterns,
]
