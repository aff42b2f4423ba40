"""The recommendations' pages: public progress views and the workspace, one namespace."""

from followup.recommendations.urls_public import urlpatterns as public_urls
from followup.recommendations.urls_workspace import urlpatterns as workspace_urls

app_name = "recommendations"

urlpatterns = public_urls + workspace_urls
