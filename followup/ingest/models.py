"""Imported documents and the records proposed from them, waiting for a person to confirm.

A SourceDocument is stored once per content (its SHA-256), with its blocks and extraction.
Each Proposal is one record the extraction suggests (an entry of an actor's report, a
recommendation, a calendar row, a mandate) with where it was found; accepted, it links to the
record it became and stays that record's provenance.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceDocument(models.Model):
    class Kind(models.TextChoices):
        ACTIVITY_REPORT = "activity_report", _("activity report")
        WORK_PLAN = "work_plan", _("work plan")
        RECOMMENDATIONS = "recommendations", _("recommendations")
        OTHER = "other", _("other document")

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    filename = models.CharField(_("file name"), max_length=255)
    media_type = models.CharField(_("type of content"), max_length=100)
    language = models.CharField(_("language"), max_length=2, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    file = models.FileField(_("original file"), upload_to="sources/%Y/")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=500, blank=True)
    period_start = models.CharField(_("period from"), max_length=4, blank=True)
    period_end = models.CharField(_("period to"), max_length=4, blank=True)
    # [{"kind", "text", "level"}, ...]: the text as read, which provenance links point into.
    blocks = models.JSONField(_("blocks"), default=list)
    # The object `followup ingest --json` prints for this file.
    extraction = models.JSONField(_("extraction"), default=dict)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("imported document")
        verbose_name_plural = _("imported documents")

    def __str__(self) -> str:
        return self.title or self.filename

    @property
    def period(self) -> str:
        if not self.period_start:
            return ""
        if self.period_end and self.period_end != self.period_start:
            return f"{self.period_start}–{self.period_end}"
        return self.period_start


class Proposal(models.Model):
    class Kind(models.TextChoices):
        ENTRY = "entry", _("report entry")
        RECOMMENDATION = "recommendation", _("recommendation")
        CALENDAR_ROW = "calendar_row", _("calendar row")
        MANDATE = "mandate", _("mandate")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    document = models.ForeignKey(SourceDocument, on_delete=models.CASCADE, related_name="proposals")
    position = models.PositiveIntegerField(_("position"))  # order within the document
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The proposed record's fields, as extracted and then as the reviewer edited them.
    data = models.JSONField(_("proposed record"), default=dict)
    # What a reviewer should check first; a proposal without warnings may be accepted in bulk.
    warnings = models.JSONField(_("warnings"), default=list)
    # Provenance: blocks first..last of the document, characters [start, end) of the first.
    first_block = models.PositiveIntegerField(_("first block"))
    last_block = models.PositiveIntegerField(_("last block"))
    start = models.PositiveIntegerField(_("from character"), default=0)
    end = models.PositiveIntegerField(_("to character"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    record_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("proposed record")
        verbose_name_plural = _("proposed records")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "position"], name="proposal_position_unique"
            )
        ]
        indexes = [models.Index(fields=["record_type", "record_id"])]

    def __str__(self) -> str:
        return f"{self.document} #{self.position} {self.kind}"
