"""Workspace routes of the recommendations (signed-in users), under workspace/recommendations/
of the site root; the namespace is set in urls.py."""

from django.urls import URLPattern, path

from followup.recommendations.views import answers, records, review

PREFIX = "workspace/recommendations/"

urlpatterns: list[URLPattern] = [
    path(PREFIX, answers.answer_list, name="answer_list"),
    path(f"{PREFIX}answer/", answers.follow_up_open, name="follow_up_open"),
    path(f"{PREFIX}follow-ups/<int:pk>/", answers.follow_up_page, name="follow_up_page"),
    path(
        f"{PREFIX}follow-ups/<int:pk>/attach/",
        answers.follow_up_attach,
        name="follow_up_attach",
    ),
    path(
        f"{PREFIX}follow-ups/<int:pk>/return/",
        review.follow_up_return,
        name="follow_up_return",
    ),
    path(
        f"{PREFIX}follow-ups/<int:pk>/publish/",
        review.follow_up_publish,
        name="follow_up_publish",
    ),
    path(
        f"{PREFIX}follow-ups/<int:pk>/unpublish/",
        review.follow_up_unpublish,
        name="follow_up_unpublish",
    ),
    path(f"{PREFIX}files/<int:pk>/", answers.follow_up_file, name="follow_up_file"),
    path(
        f"{PREFIX}files/<int:pk>/remove/",
        answers.follow_up_file_remove,
        name="follow_up_file_remove",
    ),
    path(f"{PREFIX}review/", review.review_queue, name="review_queue"),
    path(f"{PREFIX}sources/", records.source_manage_list, name="source_manage_list"),
    path(f"{PREFIX}sources/new/", records.source_create, name="source_create"),
    path(f"{PREFIX}sources/<int:pk>/edit/", records.source_edit, name="source_edit"),
    path(f"{PREFIX}new/", records.recommendation_create, name="recommendation_create"),
    path(f"{PREFIX}<int:pk>/edit/", records.recommendation_edit, name="recommendation_edit"),
]
