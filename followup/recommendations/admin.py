from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from followup.recommendations.models import Recommendation


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["text", "group", "number", "source"]
    list_filter = ["source", "group"]
    search_fields = ["text", "group", "source"]
