from django.urls import URLPattern, URLResolver

from followup.reporting import urls_public

app_name = "reporting"

urlpatterns: list[URLPattern | URLResolver] = [
    *urls_public.urlpatterns,
]
