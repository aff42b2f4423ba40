"""The knowledge base in the JSON API: resources you may see, and their writes.

`messages` holds the human messages, `serializers` what a resource looks like, `views` the
endpoints. This module only lists the routes, which followup/api/urls.py mounts.
"""

from django.urls import path

from followup.knowledge.api.views import (
    ResourceDetail,
    ResourceList,
    ResourcePublish,
    ResourceSubmit,
)

urlpatterns = [
    path("resources/", ResourceList.as_view(), name="resource_list"),
    path("resources/<int:pk>/", ResourceDetail.as_view(), name="resource_detail"),
    path("resources/<int:pk>/submit/", ResourceSubmit.as_view(), name="resource_submit"),
    path("resources/<int:pk>/publish/", ResourcePublish.as_view(), name="resource_publish"),
]
