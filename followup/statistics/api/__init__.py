"""Migration statistics in the JSON API: open data, read-only.

`messages` holds the human messages, `serializers` what each resource looks like and the
observations' filters, `records` an observation as one plain record, `exports` the whole
files, `views` the endpoints. This module only lists the routes, which followup/api/urls.py
mounts.
"""

from django.urls import path

from followup.statistics.api.views import (
    IndicatorDetail,
    IndicatorList,
    ObservationCsvExport,
    ObservationDetail,
    ObservationJsonExport,
    ObservationList,
)

urlpatterns = [
    path("statistics/", ObservationList.as_view(), name="observation_list"),
    path("statistics/export.csv", ObservationCsvExport.as_view(), name="observation_export_csv"),
    path("statistics/export.json", ObservationJsonExport.as_view(), name="observation_export_json"),
    path("statistics/<int:pk>/", ObservationDetail.as_view(), name="observation_detail"),
    path("statistics/indicators/", IndicatorList.as_view(), name="indicator_list"),
    path("statistics/indicators/<str:code>/", IndicatorDetail.as_view(), name="indicator_detail"),
]
