"""The meetings pages: work plans, calendar, meetings and their feeds."""

from django.urls import URLPattern

app_name = "meetings"

urlpatterns: list[URLPattern] = []
