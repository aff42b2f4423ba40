from django.urls import path

from followup.program import views

app_name = "program"

urlpatterns = [
    path("", views.home, name="home"),
    path("programs/<slug:slug>/", views.version_detail, name="version_detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("mandates/", views.mandate_lookup, name="mandate_lookup"),
    path("mandates/<slug:slug>/", views.mandate_detail, name="mandate_detail"),
]
