"""Workspace routes of the recommendations (signed-in users), under workspace/recommendations/
of the site root; the namespace is set in urls.py."""

from django.urls import URLPattern, path

from followup.recommendations.views import workspace

PREFIX = "workspace/recommendations/"

urlpatterns: list[URLPattern] = [
    path(PREFIX, workspace.answer_list, name="answer_list"),
    path(f"{PREFIX}answer/", workspace.follow_up_open, name="follow_up_open"),
    path(f"{PREFIX}follow-ups/<int:pk>/", workspace.follow_up_page, name="follow_up_page"),
    path(
        f"{PREFIX}follow-ups/<int:pk>/attach/",
        workspace.follow_up_attach,
        name="follow_up_attach",
    ),
    path(
        f"{PREFIX}follow-ups/<int:pk>/return/",
        workspace.follow_up_return,
        name="follow_up_return",
    ),
    path(
        f"{PREFIX}follow-ups/<int:pk>/publish/",
        workspace.follow_up_publish,
        name="follow_up_publish",
    ),
    path(
        f"{PREFIX}follow-ups/<int:pk>/unpublish/",
        workspace.follow_up_unpublish,
        name="follow_up_unpublish",
    ),
    path(f"{PREFIX}files/<int:pk>/", workspace.follow_up_file, name="follow_up_file"),
    path(
        f"{PREFIX}files/<int:pk>/remove/",
        workspace.follow_up_file_remove,
        name="follow_up_file_remove",
    ),
    path(f"{PREFIX}review/", workspace.review_queue, name="review_queue"),
    path(f"{PREFIX}sources/", workspace.source_manage_list, name="source_manage_list"),
    path(f"{PREFIX}sources/new/", workspace.source_create, name="source_create"),
    path(f"{PREFIX}sources/<int:pk>/edit/", workspace.source_edit, name="source_edit"),
    path(f"{PREFIX}new/", workspace.recommendation_create, name="recommendation_create"),
    path(f"{PREFIX}<int:pk>/edit/", workspace.recommendation_edit, name="recommendation_edit"),
]
