from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from followup.meetings.models import CalendarRow, WorkPlan


class CalendarRowInline(admin.TabularInline):
    model = CalendarRow
    fields = ["order", "date", "date_text", "activity", "notes", "mandates"]
    extra = 0


@admin.register(WorkPlan)
class WorkPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "period_start", "period_end"]
    inlines = [CalendarRowInline]
