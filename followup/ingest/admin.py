"""Imported documents in the back office: to look at, not to edit (the review pages decide)."""

from django.contrib import admin

from followup.ingest.models import SourceDocument


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "kind", "title", "period_start", "language", "imported_at"]
    list_filter = ["kind", "language"]
    search_fields = ["filename", "title", "sha256"]
    exclude = ["blocks", "extraction"]  # large; the review pages show them readably
    readonly_fields = [
        "sha256",
        "filename",
        "media_type",
        "language",
        "size",
        "file",
        "kind",
        "title",
        "period_start",
        "period_end",
        "imported_by",
        "imported_at",
    ]

    def has_add_permission(self, request: object) -> bool:
        return False  # documents come in through `followup ingest` or the import page
