"""The CAM's work plans and their calendar rows.

A row's date is honest about its precision: a day, a month, or none at all ("to be
determined"), stored as an ISO partial date like the reporting entries' dates.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from followup.dates import validate_partial_date
from followup.program.models import Mandate


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
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords(m2m_fields=[mandates])

    class Meta:
        ordering = ["work_plan", "order", "pk"]
        verbose_name = _("calendar row")
        verbose_name_plural = _("calendar rows")

    def __str__(self) -> str:
        return f"{self.date_text or self.date}: {self.activity[:60]}"
