"""The Program's structure: versions, objectives, actors, mandates, activities, vocabularies.

Every model keeps a history (django-simple-history): who changed what and when, browsable by
the secretariat. Texts are bilingual (`*_en`, `*_es`), read through `Localized` descriptors.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from followup.i18n import Localized


class Vocabulary(models.Model):
    """A controlled term, labelled in both languages, used to tag activities and later entries."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    label_en = models.CharField(_("label (English)"), max_length=200)
    label_es = models.CharField(_("label (Spanish)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    label = Localized("label")
    description = Localized("description")

    class Meta:
        abstract = True
        ordering = ["order", "slug"]

    def __str__(self) -> str:
        return self.label


class Theme(Vocabulary):
    history = HistoricalRecords()

    class Meta(Vocabulary.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class PopulationGroup(Vocabulary):
    history = HistoricalRecords()

    class Meta(Vocabulary.Meta):
        verbose_name = _("population group")
        verbose_name_plural = _("population groups")


class Actor(models.Model):
    class Category(models.TextChoices):
        # The five categories of the Program's actors, in the Program's order.
        OAS_ORGAN = "oas_organ", _("OAS organs, agencies and entities")
        SPECIALIZED_ORGANIZATION = "specialized_organization", _("Specialized organizations")
        MEMBER_STATE = "member_state", _("Member states")
        MULTILATERAL_ORGANIZATION = "multilateral_organization", _("Multilateral organizations")
        OTHER = "other", _("Other actors")

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_es = models.CharField(_("name (Spanish)"), max_length=200)
    acronym_en = models.CharField(_("acronym (English)"), max_length=30, blank=True)
    acronym_es = models.CharField(_("acronym (Spanish)"), max_length=30, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
    )
    country = models.CharField(
        _("country (ISO 3166-1 alpha-3)"),
        max_length=3,
        blank=True,
        help_text=_("Member states only: the three-letter ISO code, such as MEX."),
    )
    description_en = models.TextField(_("description (English)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    website = models.URLField(_("website"), blank=True)
    history = HistoricalRecords()

    name = Localized("name")
    acronym = Localized("acronym")
    description = Localized("description")

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        constraints = [
            models.UniqueConstraint(
                fields=["country"], condition=~Q(country=""), name="actor_country_unique"
            ),
            models.CheckConstraint(
                condition=Q(category="member_state", country__regex=r"^[A-Z]{3}$")
                | (~Q(category="member_state") & Q(country="")),
                name="actor_country_iff_member_state",
                violation_error_message=_(
                    "A member state needs its three-letter ISO code; other actors have none."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("program:actor_detail", args=[self.slug])


class Mandate(models.Model):
    """A resolution or declaration, identified by its canonical symbol (see `symbols.py`)."""

    class Kind(models.TextChoices):
        RESOLUTION = "RES", _("Resolution")
        DECLARATION = "DEC", _("Declaration")

    symbol = models.CharField(_("symbol"), max_length=60, unique=True)
    slug = models.SlugField(_("web address"), max_length=80, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=3, choices=Kind.choices, editable=False)
    body = models.CharField(_("body"), max_length=10, editable=False)
    number = models.PositiveIntegerField(_("number"), editable=False)
    session = models.CharField(_("session"), max_length=20, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    summary_en = models.TextField(_("what it asks (English)"), blank=True)
    summary_es = models.TextField(_("what it asks (Spanish)"), blank=True)
    history = HistoricalRecords()

    title = Localized("title")
    summary = Localized("summary")

    class Meta:
        ordering = ["year", "body", "kind", "number"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")

    def __str__(self) -> str:
        return self.symbol

    def get_absolute_url(self) -> str:
        return reverse("program:mandate_detail", args=[self.slug])

    def set_symbol(self, text: str) -> None:
        """Store `text` in canonical form with its parts; SymbolError if it is no symbol."""
        from followup.program.symbols import parse_symbol

        parsed = parse_symbol(text)
        self.symbol = parsed.canonical
        self.slug = parsed.slug
        self.kind = parsed.kind
        self.body = parsed.body
        self.number = parsed.number
        self.session = parsed.session
        self.year = parsed.year


class OperativeParagraph(models.Model):
    mandate = models.ForeignKey(
        Mandate, on_delete=models.CASCADE, related_name="paragraphs", verbose_name=_("mandate")
    )
    number = models.CharField(_("number"), max_length=10)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_en = models.TextField(_("text (English)"))
    text_es = models.TextField(_("text (Spanish)"))
    history = HistoricalRecords()

    text = Localized("text")

    class Meta:
        ordering = ["mandate", "order"]
        verbose_name = _("operative paragraph")
        verbose_name_plural = _("operative paragraphs")
        constraints = [
            models.UniqueConstraint(fields=["mandate", "number"], name="paragraph_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.mandate.symbol} ¶{self.number}"


class ProgramVersion(models.Model):
    slug = models.SlugField(_("code"), max_length=20, unique=True)
    title_en = models.CharField(_("title (English)"), max_length=300)
    title_es = models.CharField(_("title (Spanish)"), max_length=300)
    adopted_by = models.ForeignKey(
        Mandate, on_delete=models.PROTECT, related_name="+", verbose_name=_("adopted by")
    )
    adopted_on = models.DateField(_("adopted on"))
    is_current = models.BooleanField(_("current version"), default=False)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_es = models.TextField(_("summary (Spanish)"), blank=True)
    structure_en = models.TextField(_("structure (English)"), blank=True)
    structure_es = models.TextField(_("structure (Spanish)"), blank=True)
    actors = models.ManyToManyField(
        Actor, blank=True, related_name="program_versions", verbose_name=_("actors named")
    )
    history = HistoricalRecords(m2m_fields=[actors])

    title = Localized("title")
    summary = Localized("summary")
    structure = Localized("structure")

    class Meta:
        ordering = ["-adopted_on"]
        verbose_name = _("Program version")
        verbose_name_plural = _("Program versions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="one_current_version"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("program:version_detail", args=[self.slug])


class Objective(models.Model):
    class Kind(models.TextChoices):
        GENERAL = "general", _("General objective")
        SPECIFIC = "specific", _("Specific objective")

    version = models.ForeignKey(
        ProgramVersion,
        on_delete=models.CASCADE,
        related_name="objectives",
        verbose_name=_("Program version"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("label"), max_length=8, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_en = models.TextField(_("text (English)"))
    text_es = models.TextField(_("text (Spanish)"))
    history = HistoricalRecords()

    text = Localized("text")

    class Meta:
        ordering = ["version", "order"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "kind", "label"], name="objective_label_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version.slug} {self.get_kind_display()} {self.label}".strip()


class ProgramActivity(models.Model):
    """What a Program version asks of one actor, or of a whole category of actors."""

    version = models.ForeignKey(
        ProgramVersion,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("Program version"),
    )
    code = models.SlugField(_("code"), max_length=60, unique=True)
    actor = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("actor"),
    )
    actor_category = models.CharField(
        _("actor category"),
        max_length=30,
        choices=Actor.Category.choices,
        blank=True,
        help_text=_("For lines addressed to a whole category of actors instead of one actor."),
    )
    label = models.CharField(_("label"), max_length=8, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_en = models.TextField(_("text (English)"))
    text_es = models.TextField(_("text (Spanish)"))
    note_en = models.TextField(_("note (English)"), blank=True)
    note_es = models.TextField(_("note (Spanish)"), blank=True)
    mandates = models.ManyToManyField(
        Mandate, blank=True, related_name="activities", verbose_name=_("mandates")
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="activities", verbose_name=_("themes")
    )
    population_groups = models.ManyToManyField(
        PopulationGroup, blank=True, related_name="activities", verbose_name=_("population groups")
    )
    history = HistoricalRecords(m2m_fields=[mandates, themes, population_groups])

    text = Localized("text")
    note = Localized("note")

    class Meta:
        ordering = ["version", "order"]
        verbose_name = _("Program activity")
        verbose_name_plural = _("Program activities")
        constraints = [
            models.CheckConstraint(
                condition=(Q(actor__isnull=False) & Q(actor_category=""))
                | (Q(actor__isnull=True) & ~Q(actor_category="")),
                name="activity_actor_xor_category",
                violation_error_message=_(
                    "An activity is assigned either to one actor or to a category of actors."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def addressee(self) -> str:
        if self.actor_id:
            assert self.actor is not None
            return self.actor.acronym or self.actor.name
        return str(Actor.Category(self.actor_category).label)
