"""Routes of the public side and the secretariat dashboard (see views/public.py, dashboard.py)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
