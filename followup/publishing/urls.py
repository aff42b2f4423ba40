from django.urls import path

from followup.publishing import views

app_name = "publishing"

urlpatterns = [
    path("workspace/cycles/<slug:slug>/annual-report/", views.manage, name="manage"),
    path(
        "workspace/cycles/<slug:slug>/annual-report/compile/",
        views.compile_now,
        name="compile",
    ),
    path("workspace/annual-report/versions/<int:pk>/publish/", views.publish, name="publish"),
    path("reports/<slug:slug>/annual-report/", views.public, name="public"),
    path("annual-report/files/<int:pk>/", views.download, name="download"),
]
