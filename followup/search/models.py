"""The search index's own tables: one row per searchable record and its facet values.

The full-text part lives beside them and depends on the database (see `engines/`): an FTS5
table on SQLite, a `tsvector` column with a GIN index on PostgreSQL. Nothing here is a source
of truth: `followup search reindex` rebuilds it all from the domain apps.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    # The columns read while filtering come first and the long text last: SQLite then reads
    # a row's flags without walking the overflow pages of its text.
    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    public = models.BooleanField(default=False)
    date = models.CharField(max_length=10, blank=True)
    facet_kind = models.CharField(max_length=20)
    route = models.JSONField(null=True)
    anchor = models.CharField(max_length=60, blank=True)
    titles = models.JSONField()
    texts = models.JSONField()

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")
        ]
        permissions = [("view_unpublished", _("Can find unpublished content in search"))]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class SearchTag(models.Model):
    """One facet value of a document: ("country", "MEX"), ("theme", "12"), ("year", "2019")."""

    # No index of its own: (document, facet, value) below serves lookups by document.
    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="tags", db_index=False
    )
    facet = models.CharField(max_length=10)
    value = models.CharField(max_length=40)

    class Meta:
        indexes = [
            # Facet counts read (document, facet, value) from the index alone; filters go the
            # other way, from a value to its documents.
            models.Index(fields=["document", "facet", "value"], name="search_tag_document"),
            models.Index(fields=["facet", "value", "document"], name="search_tag_value"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"
