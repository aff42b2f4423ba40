"""Back-office views of work plans and meetings. Uploaded files go through the workspace, which
checks their content before storing them, so the back office only shows them."""

from django.contrib import admin
from django.db import models

from followup.history_admin import HistoryAdmin
from followup.meetings.models import CalendarRow, Meeting, MeetingDocument, WorkPlan


class CalendarRowInline(admin.TabularInline):
    model = CalendarRow
    fields = ["order", "date", "date_text", "activity", "notes", "mandates", "meeting"]
    autocomplete_fields = ["meeting"]
    extra = 0


@admin.register(WorkPlan)
class WorkPlanAdmin(HistoryAdmin):
    list_display = ["title", "period_start", "period_end"]
    search_fields = ["title"]
    inlines = [CalendarRowInline]


class MeetingDocumentInline(admin.TabularInline):
    model = MeetingDocument
    fields = ["kind", "title", "url", "file", "content_type", "size"]
    # Type and size are those detected when the workspace checked the file on upload.
    readonly_fields = ["file", "content_type", "size"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    list_display = ["title", "kind", "date", "status", "work_plan"]
    list_filter = ["kind", "status", "language"]
    search_fields = ["title", "agenda", "outcomes"]
    filter_horizontal = ["mandates", "participants"]
    autocomplete_fields = ["work_plan"]
    inlines = [MeetingDocumentInline]
