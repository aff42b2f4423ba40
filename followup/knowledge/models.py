"""The Program's knowledge base: legislation, instruments, practices, publications, courses,
projects, institutions and datasets that the actors exchange (issue 6).

A resource is kept by the focal points of its owner actor and reviewed by the secretariat:
draft → submitted → returned or published. Status changes happen only in `services.py`.
Nothing is deleted for real: `deleted_at` hides a resource until the secretariat restores it.

Some fields belong to some kinds only (see `KIND_FIELDS`): the services empty them when the
kind does not use them, and `clean()` refuses them, so no other path can store them either.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from followup.dates import check_range, validate_partial_date
from followup.program.models import Actor, PopulationGroup, Theme
from followup.reporting.models import LANGUAGES, SoftDeleteQuerySet

PARTIAL_DATE_HELP = _("2016-10-20, 2016-10 or 2016.")


class Resource(models.Model):
    class Kind(models.TextChoices):
        LEGISLATION = "legislation", _("National legislation")
        INSTRUMENT = "instrument", _("International and inter-American instruments")
        PRACTICE = "practice", _("Best practices")
        PUBLICATION = "publication", _("Publications and studies")
        COURSE = "course", _("Courses and trainings")
        PROJECT = "project", _("Projects and programmes")
        INSTITUTION = "institution", _("Institutions: national authorities and service providers")
        DATASET = "dataset", _("Datasets")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        PUBLISHED = "published", _("Published")

    class InstrumentType(models.TextChoices):
        CONSTITUTION = "constitution", _("Constitution")
        LAW = "law", _("Law")
        DECREE = "decree", _("Decree")
        REGULATION = "regulation", _("Regulation")
        RESOLUTION = "resolution", _("Resolution")
        TREATY = "treaty", _("Treaty or convention")
        OTHER = "other", _("Other")

    class LegalStatus(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        AMENDED = "amended", _("Amended")
        REPEALED = "repealed", _("Repealed")
        BILL = "bill", _("Bill")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="en")
    date = models.CharField(
        _("date"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("Of adoption, publication or start: 2016-10-20, 2016-10 or 2016."),
    )
    ends = models.CharField(
        _("until"),
        max_length=10,
        blank=True,
        validators=[validate_partial_date],
        help_text=_("Courses and projects: when they end."),
    )
    url = models.URLField(_("official link"), max_length=500, blank=True)
    publisher = models.CharField(
        _("published by"),
        max_length=300,
        blank=True,
        help_text=_("The issuing body, provider or author institution."),
    )
    # Legislation and instruments
    instrument_type = models.CharField(
        _("type of instrument"), max_length=20, choices=InstrumentType.choices, blank=True
    )
    legal_status = models.CharField(
        _("legal status"), max_length=10, choices=LegalStatus.choices, blank=True
    )
    official_reference = models.CharField(
        _("official reference"),
        max_length=300,
        blank=True,
        help_text=_("Such as Ley 25.871 or DOF 25-05-2011."),
    )
    # Institutions
    services = models.TextField(_("services offered"), blank=True)
    service_languages = models.CharField(_("languages of service"), max_length=200, blank=True)
    contact = models.TextField(
        _("institutional contact"),
        blank=True,
        help_text=_(
            "The institution's address, telephone, e-mail or web form only: never the personal "
            "data of an official or of a migrant."
        ),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="resources", verbose_name=_("themes")
    )
    population_groups = models.ManyToManyField(
        PopulationGroup, blank=True, related_name="resources", verbose_name=_("population groups")
    )
    actors = models.ManyToManyField(
        Actor, blank=True, related_name="resources", verbose_name=_("actors concerned")
    )
    owner = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_resources",
        verbose_name=_("maintained by"),
        help_text=_("The actor whose focal points keep this resource up to date."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Bumped on every save through the services; a form or API call carrying an older value
    # was made on stale data and is refused rather than silently overwriting someone's work.
    revision = models.PositiveIntegerField(_("revision"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[themes, population_groups, actors])

    objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "title", "pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        permissions = [
            ("publish_resource", _("Can publish resources")),
            ("submit_resource", _("Can submit resources for review")),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:resource_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.deleted_at is None

    def clean(self) -> None:
        errors: dict[str, list[str | Promise]] = {}
        try:
            check_range(self.date, self.ends)
        except ValidationError as error:
            errors["ends"] = list(error.messages)
        for field, kinds in KIND_FIELDS.items():
            if getattr(self, field) and self.kind not in kinds:
                errors.setdefault(field, []).append(KIND_FIELD_MESSAGES[field])
        if errors:
            raise ValidationError(errors)


LEGAL_KINDS = frozenset({Resource.Kind.LEGISLATION, Resource.Kind.INSTRUMENT})
INSTITUTION_KINDS = frozenset({Resource.Kind.INSTITUTION})
PERIOD_KINDS = frozenset({Resource.Kind.COURSE, Resource.Kind.PROJECT})

# The fields only some kinds use, and the kinds that use them.
KIND_FIELDS: dict[str, frozenset[str]] = {
    "instrument_type": LEGAL_KINDS,
    "legal_status": LEGAL_KINDS,
    "official_reference": LEGAL_KINDS,
    "services": INSTITUTION_KINDS,
    "service_languages": INSTITUTION_KINDS,
    "contact": INSTITUTION_KINDS,
    "ends": PERIOD_KINDS,
}
_LEGAL_ONLY = _("Only national legislation and international instruments have this.")
_INSTITUTION_ONLY = _("Only institutions have this.")
KIND_FIELD_MESSAGES: dict[str, Promise] = {
    "instrument_type": _LEGAL_ONLY,
    "legal_status": _LEGAL_ONLY,
    "official_reference": _LEGAL_ONLY,
    "services": _INSTITUTION_ONLY,
    "service_languages": _INSTITUTION_ONLY,
    "contact": _INSTITUTION_ONLY,
    "ends": _("Only courses and projects have an end date."),
}

# Statuses in which a resource is with its focal points, who may edit and submit it.
WITH_ACTOR = frozenset({Resource.Status.DRAFT, Resource.Status.RETURNED})


class ResourceCountry(models.Model):
    """A country a resource concerns, by ISO 3166-1 alpha-3 code (a row each, so lists filter)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="countries")
    code = models.CharField(_("country (ISO 3166-1 alpha-3)"), max_length=3)

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.UniqueConstraint(fields=["resource", "code"], name="resource_country_unique")
        ]

    def __str__(self) -> str:
        return self.code


class ResourceAttachment(models.Model):
    """A file attached to a resource, checked by content and size before it was stored."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="knowledge/%Y/")
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
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def __str__(self) -> str:
        return self.name


class ResourceComment(models.Model):
    """What the secretariat said when returning or unpublishing a resource; for the owner's
    focal points and the secretariat, never for the public."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self) -> str:
        return f"{self.resource} · {self.created_at:%Y-%m-%d}"
