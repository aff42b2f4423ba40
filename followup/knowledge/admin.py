"""Back-office views of the knowledge base. The review's steps go through the workspace pages
(and their services), so the status, revision and dates are read-only here."""

from django.contrib import admin
from django.db import models

from followup.history_admin import HistoryAdmin
from followup.knowledge.models import (
    Resource,
    ResourceAttachment,
    ResourceComment,
    ResourceCountry,
)


class ResourceCountryInline(admin.TabularInline):
    model = ResourceCountry
    extra = 0


class ResourceAttachmentInline(admin.TabularInline):
    model = ResourceAttachment
    extra = 0
    # Files are added in the workspace, where their content is checked before storing.
    fields = readonly_fields = ("name", "content_type", "size", "uploaded_by", "uploaded_at")
    can_delete = False

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


class ResourceCommentInline(admin.TabularInline):
    model = ResourceComment
    extra = 0
    fields = readonly_fields = ("author", "text", "created_at")
    can_delete = False

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Resource)
class ResourceAdmin(HistoryAdmin):
    list_display = ["title", "kind", "owner", "status", "date", "language", "deleted_at"]
    list_filter = ["kind", "status", "language", "themes", "population_groups"]
    list_select_related = ["owner"]
    search_fields = ["title", "summary", "publisher", "official_reference"]
    autocomplete_fields = ["owner"]
    filter_horizontal = ["themes", "population_groups", "actors"]
    readonly_fields = [
        "status",
        "revision",
        "created_by",
        "created_at",
        "updated_at",
        "published_at",
        "deleted_at",
    ]
    inlines = [ResourceCountryInline, ResourceAttachmentInline, ResourceCommentInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request: object) -> bool:
        return False  # resources are created in the workspace, by a focal point or the secretariat
