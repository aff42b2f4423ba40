"""Public routes of the recommendations, mounted at the site root inside i18n_patterns.

Fixed words (`sources`, `states`, `themes`, `progress`, `unanswered`, `evidence`) come before
nothing that could read them as a number: recommendations themselves are `<int:pk>/`.
"""

from django.urls import URLPattern, URLResolver, path

from followup.recommendations.views import public

urlpatterns: list[URLPattern | URLResolver] = [
    path("recommendations/", public.recommendation_list, name="recommendation_list"),
    path("recommendations/<int:pk>/", public.recommendation_detail, name="recommendation_detail"),
    path("recommendations/sources/<int:pk>/", public.source_detail, name="source_detail"),
    path(
        "recommendations/states/<slug:key>/",
        public.addressee_progress,
        name="addressee_progress",
    ),
    path("recommendations/themes/<slug:slug>/", public.theme_progress, name="theme_progress"),
    path("recommendations/progress/", public.progress_overview, name="progress"),
    path(
        "recommendations/progress/<slug:table>.csv",
        public.progress_export,
        name="progress_export",
    ),
    path("recommendations/unanswered/", public.unanswered, name="unanswered"),
    path("recommendations/evidence/<int:pk>/", public.evidence_download, name="evidence_download"),
]
