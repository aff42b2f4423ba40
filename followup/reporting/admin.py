"""Back-office views of reporting data. Status changes go through the workspace pages (and
their services), so the admin shows reports read-only apart from the reopen flag's history."""

from django.contrib import admin

from followup.history_admin import HistoryAdmin
from followup.reporting.models import ActorReport, Entry, Invitation, ReportingCycle


class InvitationInline(admin.TabularInline):
    model = Invitation
    extra = 0
    autocomplete_fields = ["actor"]


@admin.register(ReportingCycle)
class ReportingCycleAdmin(HistoryAdmin):
    list_display = ["label", "status", "opens_on", "deadline", "version"]
    list_filter = ["status", "version"]
    readonly_fields = ["status"]
    inlines = [InvitationInline]


class EntryInline(admin.TabularInline):
    model = Entry
    extra = 0
    fields = readonly_fields = ("kind", "title", "starts", "ends", "deleted_at")
    can_delete = False
    show_change_link = True


@admin.register(ActorReport)
class ActorReportAdmin(HistoryAdmin):
    list_display = ["actor", "cycle", "status", "submitted_at", "published_at", "deleted_at"]
    list_filter = ["status", "cycle", "actor__category"]
    list_select_related = ["actor", "cycle"]
    search_fields = ["actor__name_en", "actor__name_es", "actor__acronym_en"]
    readonly_fields = [
        "cycle",
        "actor",
        "status",
        "revision",
        "reopened",
        "submitted_at",
        "published_at",
    ]
    inlines = [EntryInline]

    def has_add_permission(self, request: object) -> bool:
        return False  # reports come from opening a cycle


@admin.register(Entry)
class EntryAdmin(HistoryAdmin):
    list_display = ["title", "kind", "report", "starts", "deleted_at"]
    list_filter = ["kind", "report__cycle", "themes", "population_groups"]
    list_select_related = ["report__actor", "report__cycle"]
    search_fields = ["title", "narrative"]
    readonly_fields = ["report"]
    filter_horizontal = ["activities", "themes", "population_groups", "partners"]

    def has_add_permission(self, request: object) -> bool:
        return False  # entries are written in the workspace, where the report's rules apply
