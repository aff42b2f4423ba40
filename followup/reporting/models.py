"""Reporting cycles: each period the CAM asks actors what they did and what they plan.

Status changes happen only in `services.py`; models hold data, constraints and small
predicates. Everything a focal point types is kept in the history, and nothing is deleted for
real: `deleted_at` hides a row until the secretariat restores it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from followup.dates import check_range, validate_partial_date
from followup.program.models import Actor, PopulationGroup, ProgramActivity, ProgramVersion, Theme

LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
]


class SoftDeleteQuerySet(models.QuerySet):
    def alive(self) -> "SoftDeleteQuerySet":
        return self.filter(deleted_at__isnull=True)


class ReportingCycle(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    label = models.CharField(
        _("period"), max_length=30, unique=True, help_text=_("Such as 2019–2020.")
    )
    slug = models.SlugField(_("web address"), max_length=30, unique=True)
    version = models.ForeignKey(
        ProgramVersion,
        on_delete=models.PROTECT,
        related_name="cycles",
        verbose_name=_("Program version"),
    )
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    actors: "models.ManyToManyField[Actor, Invitation]" = models.ManyToManyField(
        Actor, through="Invitation", related_name="cycles", verbose_name=_("actors asked to report")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_on"]
        verbose_name = _("reporting cycle")
        verbose_name_plural = _("reporting cycles")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opens_on")),
                name="cycle_deadline_after_opening",
                violation_error_message=_("The deadline cannot come before the opening date."),
            )
        ]

    def __str__(self) -> str:
        return self.label


class Invitation(models.Model):
    """An actor asked to report in a cycle; `required` for those the Program obliges to report
    (OAS organs and specialized organizations), optional for states and other actors."""

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.CASCADE, related_name="invitations")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="invitations")
    required = models.BooleanField(_("report expected"), default=True)

    class Meta:
        verbose_name = _("invitation to report")
        verbose_name_plural = _("invitations to report")
        constraints = [models.UniqueConstraint(fields=["cycle", "actor"], name="invitation_unique")]

    def __str__(self) -> str:
        return f"{self.cycle} · {self.actor}"


class ActorReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        ACCEPTED = "accepted", _("Accepted")
        PUBLISHED = "published", _("Published")

    cycle = models.ForeignKey(ReportingCycle, on_delete=models.PROTECT, related_name="reports")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Bumped on every save through the services; a form or API call that carries an older value
    # was made on stale data and is refused rather than silently overwriting someone's work.
    revision = models.PositiveIntegerField(_("revision"), default=1)
    reopened = models.BooleanField(
        _("reopened"), default=False, help_text=_("Editable although its cycle is closed.")
    )
    original_file = models.FileField(
        _("complete original report"), upload_to="reports/%Y/", blank=True
    )
    original_language = models.CharField(
        _("language of the original"), max_length=2, choices=LANGUAGES, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    history = HistoricalRecords()

    objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        ordering = ["cycle", "actor__name_en"]
        verbose_name = _("actor report")
        verbose_name_plural = _("actor reports")
        constraints = [models.UniqueConstraint(fields=["cycle", "actor"], name="report_unique")]
        # Each step of the review is its own permission, so a reviewer can return a report
        # without being able to publish it.
        permissions = [
            ("submit_actorreport", _("Can submit a report")),
            ("return_actorreport", _("Can return a report with comments")),
            ("accept_actorreport", _("Can accept a report")),
            ("publish_actorreport", _("Can publish a report")),
            ("reopen_actorreport", _("Can reopen a report of a closed cycle")),
            ("restore_actorreport", _("Can restore deleted reports and entries")),
        ]

    def __str__(self) -> str:
        return f"{self.actor} · {self.cycle}"

    @property
    def is_editable_status(self) -> bool:
        return self.status in WITH_ACTOR


# Statuses in which a report is still with its focal points: editable, not yet submitted, and
# late once the deadline passes. One definition for permissions, reminders and the dashboard.
WITH_ACTOR = frozenset({ActorReport.Status.DRAFT, ActorReport.Status.RETURNED})


class ReviewComment(models.Model):
    report = models.ForeignKey(ActorReport, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self) -> str:
        return f"{self.report} · {self.created_at:%Y-%m-%d}"


class Entry(models.Model):
    class Kind(models.TextChoices):
        CARRIED_OUT = "carried_out", _("Carried out")
        PLANNED = "planned", _("Planned for the next period")
        BEST_PRACTICE = "best_practice", _("Best practice")
        PROPOSAL = "proposal", _("New proposal for the Program")

    report = models.ForeignKey(ActorReport, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    narrative = models.TextField(_("narrative"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="en")
    starts = models.CharField(
        _("from"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("2016-10-20, 2016-10 or 2016."),
    )
    ends = models.CharField(
        _("until"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("Leave empty for a single date."),
    )
    activities = models.ManyToManyField(
        ProgramActivity, blank=True, related_name="entries", verbose_name=_("Program activities")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="entries", verbose_name=_("themes")
    )
    population_groups = models.ManyToManyField(
        PopulationGroup, blank=True, related_name="entries", verbose_name=_("population groups")
    )
    partners = models.ManyToManyField(
        Actor, blank=True, related_name="partner_entries", verbose_name=_("partner actors")
    )
    # A finding of a CAM meeting recorded as an entry of the actor's report links back to it.
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("meeting it came from"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[activities, themes, population_groups, partners])

    objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        ordering = ["report", "order", "pk"]
        verbose_name = _("entry")
        verbose_name_plural = _("entries")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        try:
            check_range(self.starts, self.ends)
        except ValidationError as error:
            raise ValidationError({"ends": error.messages}) from None


class EntryCountry(models.Model):
    """A country an entry concerns, by ISO 3166-1 alpha-3 code (a row each, so lists filter)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="countries")
    code = models.CharField(_("country (ISO 3166-1 alpha-3)"), max_length=3)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "code"], name="entry_country_unique")
        ]

    def __str__(self) -> str:
        return self.code


class Figure(models.Model):
    """A number and what it counts: 70 · professionals trained."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="figures")
    value = models.DecimalField(_("number"), max_digits=16, decimal_places=2)
    counts = models.CharField(_("what it counts"), max_length=200)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.value.normalize():f} {self.counts}"


class Link(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="links")
    url = models.URLField(_("address"), max_length=500)
    title = models.CharField(_("title"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title or self.url


class Attachment(models.Model):
    """A file attached to an entry, checked by content and size before it was stored."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="attachments/%Y/")
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class PlannedFollowUp(models.Model):
    """What became of a planned entry, answered in the same actor's report of the next cycle."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Not answered yet")
        DONE = "done", _("Done")
        PARTLY = "partly", _("Partly done")
        NOT_DONE = "not_done", _("Not done")
        DROPPED = "dropped", _("Dropped")

    report = models.ForeignKey(ActorReport, on_delete=models.CASCADE, related_name="followups")
    planned = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="followups")
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["planned__order", "planned__pk"]
        verbose_name = _("follow-up of a planned entry")
        verbose_name_plural = _("follow-ups of planned entries")
        constraints = [
            models.UniqueConstraint(fields=["report", "planned"], name="followup_unique")
        ]

    def __str__(self) -> str:
        return f"{self.planned} → {self.get_outcome_display()}"
