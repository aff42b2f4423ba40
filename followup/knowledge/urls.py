"""Routes of the knowledge base, mounted at the site root inside i18n_patterns: the public
pages under knowledge/, the workspace under workspace/resources/ (signed-in users)."""

from django.urls import URLPattern, URLResolver, path

from followup.knowledge.views import public, review, workspace

app_name = "knowledge"

urlpatterns: list[URLPattern | URLResolver] = [
    path("knowledge/", public.resource_list, name="resource_list"),
    path("knowledge/<int:pk>/", public.resource_detail, name="resource_detail"),
    path("knowledge/files/<int:pk>/", public.attachment_download, name="attachment_download"),
    path("workspace/resources/", workspace.resource_manage_list, name="resource_manage_list"),
    path("workspace/resources/new/", workspace.resource_create, name="resource_create"),
    path("workspace/resources/<int:pk>/edit/", workspace.resource_edit, name="resource_edit"),
    path("workspace/resources/<int:pk>/attach/", workspace.resource_attach, name="resource_attach"),
    path("workspace/resources/<int:pk>/submit/", review.resource_submit, name="resource_submit"),
    path("workspace/resources/<int:pk>/return/", review.resource_return, name="resource_return"),
    path("workspace/resources/<int:pk>/publish/", review.resource_publish, name="resource_publish"),
    path(
        "workspace/resources/<int:pk>/unpublish/",
        review.resource_unpublish,
        name="resource_unpublish",
    ),
    path("workspace/resources/<int:pk>/delete/", review.resource_delete, name="resource_delete"),
    path("workspace/resources/<int:pk>/restore/", review.resource_restore, name="resource_restore"),
    path(
        "workspace/resource-files/<int:pk>/remove/",
        workspace.attachment_remove,
        name="attachment_remove",
    ),
]
