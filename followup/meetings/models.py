"""The CAM's work plans, their calendar rows, and the meetings it holds.

A work plan's calendar row is what the CAM intends (a date, a month or "to be determined", the
mandates it rests on, the activity, possible guests); a meeting is the event itself, with its
kind, agenda, participants, documents and outcomes. A row links to its meeting once one is set.

Dates are honest about their precision: a day, a month, a year, or none at all ("to be
determined"), stored as ISO partial dates like the reporting entries' dates.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from followup.dates import check_range, parse_partial_date, validate_partial_date
from followup.program.models import Actor, Mandate
from followup.reporting.models import LANGUAGES, ReportingCycle

# How precise each partial date is, vaguest first.
_PRECISIONS = ["year", "month", "day"]

# An end vaguer than its start ("2016-10-20" until "2016-11") would be a meeting whose first
# day is known and whose last is not; pages, calendars and feeds show one precision per
# meeting, and a calendar client would draw the whole month as taken. The end is asked for
# as precisely as the start.
_VAGUE_END = {
    "day": _(
        "The start gives the day (%(start)s) but the end (%(end)s) does not: give the last "
        "day too, or leave the end empty for a one-day meeting."
    ),
    "month": _(
        "The start gives the month (%(start)s) but the end (%(end)s) does not: give the last "
        "month too, or leave the end empty."
    ),
}


def _check_end_precision(start: str, end: str) -> None:
    if not start or not end:
        return
    first, last = parse_partial_date(start), parse_partial_date(end)
    if _PRECISIONS.index(last.precision) < _PRECISIONS.index(first.precision):
        raise ValidationError(
            _VAGUE_END[first.precision] % {"start": start, "end": end}, code="vague_end"
        )


class WorkPlan(models.Model):
    title = models.CharField(_("title"), max_length=500)
    period_start = models.CharField(_("period from"), max_length=4, blank=True)
    period_end = models.CharField(_("period to"), max_length=4, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:work_plan_detail", args=[self.pk])

    @property
    def period(self) -> str:
        if self.period_start and self.period_end and self.period_end != self.period_start:
            return f"{self.period_start}–{self.period_end}"
        return self.period_start or self.period_end


class Meeting(models.Model):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("Regular session")
        SPECIAL = "special", _("Special session")
        WORKING_GROUP = "working_group", _("Working group meeting")
        THEMATIC = "thematic", _("Thematic meeting")
        INFORMAL = "informal", _("Informal meeting with a Program actor")
        EVENT = "event", _("Event or forum")
        EXPERTS = "experts", _("Meeting of experts before a Summit")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=500)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="en")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    date = models.CharField(
        _("date"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("2016-10-20, 2016-10 or 2016; empty when it is to be determined."),
    )
    ends = models.CharField(
        _("until"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("Leave empty for a one-day meeting."),
    )
    location = models.CharField(_("place"), max_length=300, blank=True)
    mandates = models.ManyToManyField(
        Mandate, blank=True, related_name="meetings", verbose_name=_("mandates")
    )
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("One item per line."))
    participants = models.ManyToManyField(
        Actor, blank=True, related_name="meetings", verbose_name=_("participating actors")
    )
    outcomes = models.TextField(_("outcomes"), blank=True)
    work_plan = models.ForeignKey(
        WorkPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("work plan"),
    )
    cycle = models.ForeignKey(
        ReportingCycle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("reporting cycle"),
        help_text=_("The period whose annual report its findings feed."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[mandates, participants])

    class Meta:
        ordering = ["date", "title"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting_detail", args=[self.pk])

    def clean(self) -> None:
        if self.ends and not self.date:
            raise ValidationError({"ends": _("Give the first day before the last one.")})
        try:
            check_range(self.date, self.ends)
            _check_end_precision(self.date, self.ends)
        except ValidationError as error:
            raise ValidationError({"ends": error.messages}) from None

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]


class MeetingDocument(models.Model):
    """A document of a meeting: by link, or as a file checked by content and size."""

    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        CONVOCATION = "convocation", _("Convocation")
        PRESENTATION = "presentation", _("Presentation")
        REPORT = "report", _("Report or minutes")
        OTHER = "other", _("Other")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to="meetings/%Y/", blank=True)
    content_type = models.CharField(_("type"), max_length=100, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self) -> str:
        return self.title


class CalendarRow(models.Model):
    work_plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="rows")
    date = models.CharField(
        _("date"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("YYYY-MM-DD, YYYY-MM, or empty when the date is to be determined."),
    )
    date_text = models.CharField(_("date as written"), max_length=200, blank=True)
    activity = models.TextField(_("activity"))
    notes = models.TextField(_("notes and possible guests"), blank=True)
    mandates = models.ManyToManyField(Mandate, blank=True, related_name="calendar_rows")
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="calendar_rows",
        verbose_name=_("meeting"),
        help_text=_("The meeting this row planned, once it is set."),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords(m2m_fields=[mandates])

    class Meta:
        ordering = ["work_plan", "order", "pk"]
        verbose_name = _("calendar row")
        verbose_name_plural = _("calendar rows")

    def __str__(self) -> str:
        return f"{self.date_text or self.date}: {self.activity[:60]}"
