"""Recommendations issued to states and actors (a body's resolution, a report, a forum's panels).

The first records come from imported documents; their follow-up per addressee and cycle is
the recommendations issue's to build on these.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Recommendation(models.Model):
    source = models.CharField(
        _("source"), max_length=500, help_text=_("The instrument or event that issued it.")
    )
    group = models.CharField(_("group or panel"), max_length=300, blank=True)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2, default="en")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "group", "number", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text[:80]
