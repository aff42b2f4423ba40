"""Mounted at /<lang>/workspace/imports/ by the project's urls."""

from django.urls import URLPattern, path

from followup.ingest.views import documents, review

app_name = "ingest"

urlpatterns: list[URLPattern] = [
    path("", documents.document_list, name="list"),
    path("upload/", documents.upload, name="upload"),
    path("<int:pk>/", review.document_detail, name="document"),
    path("<int:pk>/source/", documents.document_source, name="source"),
    path("<int:pk>/original/", documents.document_original, name="original"),
    path("<int:pk>/accept-clean/", review.accept_clean, name="accept_clean"),
    path("proposals/<int:pk>/", review.proposal_edit, name="proposal"),
    path("proposals/<int:pk>/accept/", review.proposal_accept, name="proposal_accept"),
    path("proposals/<int:pk>/reject/", review.proposal_reject, name="proposal_reject"),
]
