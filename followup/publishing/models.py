"""Compiled annual reports: numbered versions, each with its files, sources and checksum."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from followup.i18n import Localized
from followup.reporting.models import ReportingCycle


class Introduction(models.Model):
    """The introduction the secretariat writes for a cycle's annual report, in both languages."""

    cycle = models.OneToOneField(
        ReportingCycle, on_delete=models.CASCADE, related_name="introduction"
    )
    text_en = models.TextField(_("introduction (English)"), blank=True)
    text_es = models.TextField(_("introduction (Spanish)"), blank=True)
    history = HistoricalRecords()

    text = Localized("text")

    class Meta:
        verbose_name = _("introduction to the annual report")
        verbose_name_plural = _("introductions to the annual report")

    def __str__(self) -> str:
        return str(self.cycle)


class Compilation(models.Model):
    """One compilation of a cycle's annual report: every format in both languages, made from
    the report revisions listed in `sources`. Published versions are public; earlier ones stay
    with the secretariat."""

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.PROTECT, related_name="compilations")
    number = models.PositiveIntegerField(_("version"))
    compiled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    compiled_at = models.DateTimeField(_("compiled at"), auto_now_add=True)
    # [[report id, actor slug, report revision], ...]: what this version was made from.
    sources = models.JSONField(_("sources"), default=list)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["cycle", "-number"]
        verbose_name = _("annual report version")
        verbose_name_plural = _("annual report versions")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="compilation_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.cycle} v{self.number}"


class CompiledFile(models.Model):
    class Format(models.TextChoices):
        HTML = "html", "HTML"
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX (Word)"

    CONTENT_TYPES = {
        "html": "text/html; charset=utf-8",
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }

    compilation = models.ForeignKey(Compilation, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    file = models.FileField(_("file"), upload_to="annual-reports/%Y/")
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        ordering = ["compilation", "language", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["compilation", "language", "format"], name="compiled_file_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.compilation} {self.language} {self.format}"

    @property
    def filename(self) -> str:
        compilation = self.compilation
        return (
            f"annual-report-{compilation.cycle.slug}-v{compilation.number}"
            f"-{self.language}.{self.format}"
        )

    @property
    def content_type(self) -> str:
        return self.CONTENT_TYPES[self.format]


class CompileRequest(models.Model):
    """A request to compile a cycle's annual report. The button only records it; the task
    worker compiles, so the web request never waits for the PDF."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("compiling")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    # A request still queued or running after this long was lost (a worker stopped mid-way):
    # it no longer blocks a new one.
    STALE_AFTER = datetime.timedelta(minutes=30)

    cycle = models.ForeignKey(
        ReportingCycle, on_delete=models.CASCADE, related_name="compile_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    # The requester's language: the outcome's message is written in it.
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    compilation = models.OneToOneField(
        Compilation, on_delete=models.SET_NULL, null=True, blank=True, related_name="request"
    )

    class Meta:
        ordering = ["cycle", "-requested_at", "-pk"]
        verbose_name = _("compilation request")
        verbose_name_plural = _("compilation requests")

    def __str__(self) -> str:
        return f"{self.cycle} {self.requested_at:%Y-%m-%d %H:%M} {self.status}"

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING) and (
            timezone.now() - self.requested_at < self.STALE_AFTER
        )
