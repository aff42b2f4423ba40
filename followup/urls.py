from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from followup.program.admin_history import registry_history

urlpatterns = [
    # The language switch posts here; it keeps the visitor on the same page in the new language.
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/history/", admin.site.admin_view(registry_history), name="registry_history"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("followup.api.urls")),
]
# Pages carry their language in the address (/en/…, /es/…), so links can be shared.
urlpatterns += i18n_patterns(
    path("", include("followup.program.urls")),
    # Before reporting: /reports/<cycle>/annual-report/ would otherwise read as an actor's report.
    path("", include("followup.publishing.urls")),
    path("", include("followup.reporting.urls")),
    path("workspace/imports/", include("followup.ingest.urls")),
    path("", include("followup.knowledge.urls")),
    path("", include("followup.recommendations.urls")),
    path("", include("followup.meetings.urls")),
    path("", include("followup.statistics.urls")),
    path("", include("followup.search.urls")),
    path("accounts/", include("followup.accounts.urls")),
)

# Unknown addresses under /api/ answer JSON like the API's own 404s; others the HTML page.
handler404 = "followup.api.views.page_not_found"

admin.site.site_header = "Follow-up"
admin.site.site_title = "Follow-up"

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
