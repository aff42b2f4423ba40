"""The CAM's work plans and meetings in the JSON API.

`messages` holds the human messages, `serializers` what each resource looks like, `views` the
endpoints. This module only lists the routes, which followup/api/urls.py mounts.
"""

from django.urls import path

from followup.meetings.api.views import MeetingDetail, MeetingList, WorkPlanDetail, WorkPlanList

urlpatterns = [
    path("work-plans/", WorkPlanList.as_view(), name="work_plan_list"),
    path("work-plans/<int:pk>/", WorkPlanDetail.as_view(), name="work_plan_detail"),
    path("meetings/", MeetingList.as_view(), name="meeting_list"),
    path("meetings/<int:pk>/", MeetingDetail.as_view(), name="meeting_detail"),
]
