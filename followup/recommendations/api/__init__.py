"""Recommendations and their follow-up in the JSON API.

`messages` holds the human messages, `fields` how addressees are given (records without a
natural key are given by id, through followup.api.fields), `serializers` what each resource
looks like, `views` the endpoints of sources, recommendations and scales, `follow_ups` those of
the ledger. This module only lists the routes, which followup/api/urls.py mounts.
"""

from django.urls import path

from followup.recommendations.api.follow_ups import (
    FollowUpDetail,
    FollowUpList,
    FollowUpPublish,
    FollowUpReturn,
    FollowUpSubmit,
)
from followup.recommendations.api.views import (
    RecommendationDetail,
    RecommendationList,
    SourceDetail,
    SourceList,
    StatusScaleList,
)

urlpatterns = [
    path("recommendations/", RecommendationList.as_view(), name="recommendation_list"),
    path("recommendations/<int:pk>/", RecommendationDetail.as_view(), name="recommendation_detail"),
    path("recommendation-sources/", SourceList.as_view(), name="recommendation_source_list"),
    path(
        "recommendation-sources/<int:pk>/",
        SourceDetail.as_view(),
        name="recommendation_source_detail",
    ),
    path("status-scales/", StatusScaleList.as_view(), name="status_scale_list"),
    path("follow-ups/", FollowUpList.as_view(), name="follow_up_list"),
    path("follow-ups/<int:pk>/", FollowUpDetail.as_view(), name="follow_up_detail"),
    path("follow-ups/<int:pk>/submit/", FollowUpSubmit.as_view(), name="follow_up_submit"),
    path("follow-ups/<int:pk>/return/", FollowUpReturn.as_view(), name="follow_up_return"),
    path("follow-ups/<int:pk>/publish/", FollowUpPublish.as_view(), name="follow_up_publish"),
]
