"""Recommendations issued to states and actors, and the ledger of what became of each.

A recommendation comes from a source (a body's resolution, a report, a forum's panels) and is
addressed to all member states, to named states or to named actors. Its follow-up is one record
per recommendation × addressee × reporting cycle: a status on a named, versioned scale, the
institution responsible, a narrative and evidence. Focal points submit, the secretariat
publishes; status changes happen only in `services/`, and the history keeps who set what.

A scale is never edited in place once used: a new version of the scale gets new levels, and a
follow-up keeps the level it was given, so changing scale never rewrites the past.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from followup.dates import validate_partial_date
from followup.knowledge.models import Resource
from followup.program.models import Actor, Localized, Mandate, PopulationGroup, Theme
from followup.reporting.models import LANGUAGES, Entry, ReportingCycle

PARTIAL_DATE_HELP = _("2016-10-20, 2016-10 or 2016.")


class Source(models.Model):
    """What issued a set of recommendations: a resolution, a report, a forum or meeting."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("Resolution")
        REPORT = "report", _("Report")
        FORUM = "forum", _("Forum or meeting")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=500)
    reference = models.CharField(
        _("reference"), max_length=100, blank=True, help_text=_("Such as Resolution 2/18.")
    )
    issued_by = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issued_sources",
        verbose_name=_("issuing actor"),
    )
    issuer = models.CharField(
        _("issuing body"),
        max_length=300,
        blank=True,
        help_text=_("When the body is not a Program actor, such as a national government."),
    )
    date = models.CharField(
        _("date"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=PARTIAL_DATE_HELP,
    )
    url = models.URLField(_("official link"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="en")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("source of recommendations")
        verbose_name_plural = _("sources of recommendations")

    def __str__(self) -> str:
        return f"{self.reference} · {self.title}" if self.reference else self.title

    def get_absolute_url(self) -> str:
        return reverse("recommendations:source_detail", args=[self.pk])

    @property
    def issuer_name(self) -> str:
        return str(self.issued_by) if self.issued_by else self.issuer


class Recommendation(models.Model):
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="recommendations", verbose_name=_("source")
    )
    group = models.CharField(_("group or panel"), max_length=300, blank=True)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="en")
    date = models.CharField(
        _("date"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("Leave empty when it is the source's date."),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="recommendations", verbose_name=_("themes")
    )
    population_groups = models.ManyToManyField(
        PopulationGroup,
        blank=True,
        related_name="recommendations",
        verbose_name=_("population groups"),
    )
    all_member_states = models.BooleanField(_("addressed to all member states"), default=False)
    addressees = models.ManyToManyField(
        Actor,
        blank=True,
        related_name="recommendations_received",
        verbose_name=_("named addressees"),
        help_text=_("Named states and actors, besides or instead of all member states."),
    )
    mandates = models.ManyToManyField(
        Mandate, blank=True, related_name="recommendations", verbose_name=_("mandates")
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("meeting it came from"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[themes, population_groups, addressees, mandates])

    class Meta:
        ordering = ["source", "group", "number", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("recommendations:recommendation_detail", args=[self.pk])

    @property
    def effective_date(self) -> str:
        return self.date or self.source.date


class StatusScale(models.Model):
    """A named scale of follow-up statuses; one is current, and new follow-ups use it."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_es = models.CharField(_("name (Spanish)"), max_length=200)
    adopted_on = models.DateField(_("in use since"))
    is_current = models.BooleanField(_("current scale"), default=False)
    history = HistoricalRecords()

    name = Localized("name")

    class Meta:
        ordering = ["-adopted_on"]
        verbose_name = _("status scale")
        verbose_name_plural = _("status scales")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_scale"
            )
        ]

    def __str__(self) -> str:
        return str(self.name)


class StatusLevel(models.Model):
    """A level of a scale. `implemented` levels count as done in the progress figures, and
    levels that are not `applicable` leave the recommendation out of them altogether."""

    scale = models.ForeignKey(
        StatusScale, on_delete=models.PROTECT, related_name="levels", verbose_name=_("scale")
    )
    code = models.SlugField(_("code"), max_length=40)
    label_en = models.CharField(_("label (English)"), max_length=200)
    label_es = models.CharField(_("label (Spanish)"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    implemented = models.BooleanField(_("counts as implemented"), default=False)
    applicable = models.BooleanField(_("counts in the progress figures"), default=True)
    history = HistoricalRecords()

    label = Localized("label")

    class Meta:
        ordering = ["scale", "order"]
        verbose_name = _("status level")
        verbose_name_plural = _("status levels")
        constraints = [
            models.UniqueConstraint(fields=["scale", "code"], name="status_level_unique")
        ]

    def __str__(self) -> str:
        return str(self.label)


class FollowUp(models.Model):
    """What an addressee did about a recommendation in one reporting cycle."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        PUBLISHED = "published", _("Published")

    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.PROTECT,
        related_name="follow_ups",
        verbose_name=_("recommendation"),
    )
    addressee = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="follow_ups", verbose_name=_("addressee")
    )
    cycle = models.ForeignKey(
        ReportingCycle,
        on_delete=models.PROTECT,
        related_name="recommendation_follow_ups",
        verbose_name=_("reporting cycle"),
    )
    # The scale in force when the record was opened; its level must come from this scale.
    scale = models.ForeignKey(
        StatusScale, on_delete=models.PROTECT, related_name="+", verbose_name=_("scale")
    )
    level = models.ForeignKey(
        StatusLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("status"),
    )
    responsible_institution = models.CharField(
        _("responsible institution"), max_length=300, blank=True
    )
    narrative = models.TextField(_("what was done"), blank=True)
    entries = models.ManyToManyField(
        Entry,
        blank=True,
        related_name="recommendation_follow_ups",
        verbose_name=_("report entries"),
    )
    resources = models.ManyToManyField(
        Resource,
        blank=True,
        related_name="recommendation_follow_ups",
        verbose_name=_("knowledge-base resources"),
    )
    status = models.CharField(
        _("review status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Bumped on every save through the services; an older value means stale data (refused).
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[entries, resources])

    class Meta:
        ordering = ["recommendation", "addressee__name_en", "-cycle__opens_on"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "addressee", "cycle"], name="follow_up_unique"
            )
        ]
        permissions = [
            ("submit_followup", _("Can submit a follow-up")),
            ("return_followup", _("Can return a follow-up with comments")),
            ("publish_followup", _("Can publish a follow-up")),
        ]

    def __str__(self) -> str:
        return f"{self.recommendation} · {self.addressee} · {self.cycle}"


# Statuses in which a follow-up is with the addressee's focal points and editable by them.
WITH_ADDRESSEE = frozenset({FollowUp.Status.DRAFT, FollowUp.Status.RETURNED})


class FollowUpLink(models.Model):
    """A web page given as evidence. Links removed from a follow-up stay in their history."""

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("evidence link")
        verbose_name_plural = _("evidence links")

    def __str__(self) -> str:
        return self.title or self.url


class FollowUpAttachment(models.Model):
    """A document given as evidence, checked by content and size before it was stored. One
    removed stays in the history (name, type, size, SHA-256), though its file is deleted."""

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="follow-ups/%Y/")
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("evidence document")
        verbose_name_plural = _("evidence documents")

    def __str__(self) -> str:
        return self.name


class FollowUpComment(models.Model):
    """The secretariat's reason for returning a follow-up, for the addressee's focal points."""

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("follow-up comment")
        verbose_name_plural = _("follow-up comments")

    def __str__(self) -> str:
        return f"{self.follow_up} · {self.created_at:%Y-%m-%d}"
