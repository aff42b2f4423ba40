"""Migration statistics: indicators, and their observations by area, year and breakdown.

An indicator (the stock of immigrants, remittances received, asylum applications) says what is
counted, in which unit, and how areas add up. An observation is one figure: an indicator for
an area (a country by ISO 3166-1 alpha-3 code, or a region, see areas.py) in a year, for a
breakdown (breakdowns.py; empty for the total). Figures are aggregate statistics, never data
about a person.

Observations change only through imports, one batch at a time. A figure a later import
corrects keeps its past: the superseded value goes to ObservationRevision and the observation's
revision number goes up. The import writes rows in bulk (services/imports.py), so this history
is kept by hand rather than by django-simple-history, which would write a second row for every
one of a million new figures.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from followup.i18n import Localized

CODE_PATTERN = r"[A-Z0-9][A-Z0-9_.-]*"


class Indicator(models.Model):
    class Unit(models.TextChoices):
        PERSONS = "persons", _("persons")
        US_DOLLARS = "usd", _("US dollars")
        PERCENT = "percent", _("percent")
        PER_THOUSAND = "per_1000", _("per 1,000 inhabitants")
        NUMBER = "number", _("number")

    class Aggregation(models.TextChoices):
        SUM = "sum", _("added up")
        NONE = "none", _("not added up (rates and shares)")

    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(
                f"^{CODE_PATTERN}$",
                _("Use capital letters, digits, “_”, “.” and “-”, such as MIG_STOCK."),
            )
        ],
        help_text=_("How files and the API name the indicator, such as MIG_STOCK."),
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    decimals = models.PositiveSmallIntegerField(
        _("decimals shown"), default=0, validators=[MaxValueValidator(6)]
    )
    aggregation = models.CharField(
        _("across countries"),
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
        help_text=_("Whether a regional total is the sum of the countries' figures."),
    )
    definition_en = models.TextField(_("definition (English)"), blank=True)
    definition_es = models.TextField(_("definition (Spanish)"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Who publishes the figures, unless an observation names its own source."),
    )
    source_url = models.URLField(_("source link"), blank=True)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Generated figures for demonstration, labelled as such on every page."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    name = Localized("name")
    definition = Localized("definition")

    class Meta:
        ordering = ["code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("statistics:indicator", args=[self.code])


class ImportBatch(models.Model):
    """One file read into observations: who brought it, how its columns were read, and what
    it changed. The file is kept so that the mapping and preview steps read it again rather
    than asking for it twice, and so that every figure can be traced to the file it came in."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        IMPORTED = "imported", _("imported")
        DISCARDED = "discarded", _("discarded")

    file = models.FileField(_("file"), upload_to="statistics/%Y/")
    filename = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    # {"indicator": column or "", "indicator_code": fixed code or "", "area": column, ...}:
    # see services/mapping.py.
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    created = models.PositiveIntegerField(_("figures added"), default=0)
    revised = models.PositiveIntegerField(_("figures revised"), default=0)
    unchanged = models.PositiveIntegerField(_("figures unchanged"), default=0)
    rejected = models.PositiveIntegerField(_("rows left out"), default=0)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("statistics import")
        verbose_name_plural = _("statistics imports")

    def __str__(self) -> str:
        return self.filename


class FigureState(models.Model):
    """What a revision changes: the value, its note and source, and the import that set them.
    An observation holds its current state, an ObservationRevision a superseded one."""

    value = models.FloatField(_("value"))
    note = models.CharField(_("note"), max_length=1000, blank=True)
    # Overrides the indicator's source when a figure comes from elsewhere.
    source = models.CharField(_("source"), max_length=300, blank=True)
    source_document = models.ForeignKey(
        "ingest.SourceDocument",
        verbose_name=_("source document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


class Observation(FigureState):
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="observations",
    )
    # A country's ISO 3166-1 alpha-3 code, or a region's (areas.py).
    area = models.CharField(_("country or region"), max_length=3)
    year = models.PositiveSmallIntegerField(_("year"))
    # "" for the total; see breakdowns.py.
    breakdown = models.CharField(_("breakdown"), max_length=100, blank=True, default="")
    revision = models.PositiveIntegerField(_("revision"), default=1)
    updated_at = models.DateTimeField(_("updated at"))

    class Meta:
        ordering = ["indicator", "area", "year", "breakdown"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            # Indicator first and breakdown second: the indicator page reads one indicator's
            # totals for every area.
            models.UniqueConstraint(
                fields=["indicator", "breakdown", "area", "year"],
                name="statistics_one_figure_per_key",
            )
        ]
        # The country profile reads one area's totals for every indicator.
        indexes = [
            models.Index(
                fields=["area", "breakdown", "indicator", "year"],
                name="statistics_by_area",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area} {self.year} {self.breakdown or 'total'}"


class ObservationRevision(FigureState):
    """A figure as it stood before a later import corrected it."""

    observation = models.ForeignKey(
        Observation,
        verbose_name=_("observation"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    revision = models.PositiveIntegerField(_("revision"))
    # When this value was set, and the import that replaced it.
    recorded_at = models.DateTimeField(_("recorded at"))
    superseded_by = models.ForeignKey(
        ImportBatch,
        verbose_name=_("replaced by import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["observation", "-revision"]
        verbose_name = _("superseded figure")
        verbose_name_plural = _("superseded figures")
        constraints = [
            models.UniqueConstraint(
                fields=["observation", "revision"], name="statistics_one_row_per_revision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.observation} r{self.revision}"
