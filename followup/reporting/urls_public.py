"""Routes of the public side and the secretariat dashboard (see views/public.py, dashboard.py).

`reports/actors/<actor>/` comes before `reports/<cycle>/<actor>/`, which would otherwise read
"actors" as a cycle; cycle slugs are periods such as 2019-2020, so none is called "actors".
"""

from django.urls import URLPattern, URLResolver, path

from followup.reporting.views import dashboard, public

urlpatterns: list[URLPattern | URLResolver] = [
    path("reports/", public.cycle_list, name="cycle_list"),
    path("reports/actors/<slug:slug>/", public.actor_record, name="actor_record"),
    path("reports/<slug:slug>/", public.cycle_detail, name="cycle_detail"),
    path(
        "reports/<slug:cycle_slug>/<slug:actor_slug>/",
        public.report_detail,
        name="report_detail",
    ),
    path("entries/", public.entry_list, name="entry_list"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/coverage/", dashboard.coverage, name="coverage"),
]
