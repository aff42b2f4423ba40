"""Forms of the knowledge base's workspace. Each cleans input into the shapes the services take
(see services.create_resource) and names the field in every message."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from followup.accounts.models import User
from followup.countries import CountryError, country_choices, normalize_code
from followup.dates import check_range, parse_partial_date
from followup.knowledge import permissions
from followup.knowledge.models import PARTIAL_DATE_HELP, Resource
from followup.knowledge.services import RESOURCE_FIELDS
from followup.program.models import Actor, PopulationGroup, Theme
from followup.reporting.models import LANGUAGES


class RevisionForm(forms.Form):
    """Every write carries the resource revision the page was loaded with (optimistic lock)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class CountriesField(forms.MultipleChoiceField):
    """ISO 3166-1 alpha-3 codes, offered as a multiple select of countries by name but checked
    with `normalize_code`, so a code that is no country gets a message naming it."""

    def valid_value(self, value: str) -> bool:
        return True  # checked in clean(), one message per unknown code

    def clean(self, value: Any) -> list[str]:
        codes: list[str] = super().clean(value)
        cleaned, errors = [], []
        for code in codes:
            try:
                cleaned.append(normalize_code(code))
            except CountryError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return list(dict.fromkeys(cleaned))


def _partial_date(label: Any, help_text: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=10, help_text=help_text)


class ResourceForm(forms.Form):
    """A resource's fields; `groups` says how the page sets them out, the kind-specific ones
    apart (the service empties those the chosen kind does not use)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Choose…")), *Resource.Kind.choices],
        error_messages={
            "required": _("Choose the kind of resource."),
            "invalid_choice": _("“%(value)s” is not a kind of resource."),
        },
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        error_messages={"required": _("Give the resource's title.")},
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What it is and why it matters to migrants' rights, in your own words."),
    )
    language = forms.ChoiceField(label=_("Language of the resource"), choices=LANGUAGES)
    date = _partial_date(
        _("Date"), _("Of adoption, publication or start: 2016-10-20, 2016-10 or 2016.")
    )
    url = forms.URLField(
        label=_("Official link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": _("Write the full web address, such as https://www.example.org/law.pdf.")
        },
    )
    publisher = forms.CharField(
        label=_("Published by"),
        required=False,
        max_length=300,
        help_text=_("The issuing body, provider or author institution."),
    )
    countries = CountriesField(
        label=_("Countries"),
        required=False,
        help_text=_("National legislation needs its country. Hold Ctrl (⌘) to choose several."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    population_groups = forms.ModelMultipleChoiceField(
        label=_("Population groups"),
        queryset=PopulationGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actors = forms.ModelMultipleChoiceField(
        label=_("Actors concerned"), queryset=Actor.objects.all(), required=False
    )
    owner = forms.ModelChoiceField(
        label=_("Maintained by"),
        queryset=Actor.objects.none(),
        required=False,
        help_text=_("The actor whose focal points keep this resource up to date."),
        error_messages={"invalid_choice": _("Choose one of the actors you are a focal point of.")},
    )
    instrument_type = forms.ChoiceField(
        label=_("Type of instrument"),
        required=False,
        choices=[("", "—"), *Resource.InstrumentType.choices],
    )
    legal_status = forms.ChoiceField(
        label=_("Legal status"), required=False, choices=[("", "—"), *Resource.LegalStatus.choices]
    )
    official_reference = forms.CharField(
        label=_("Official reference"),
        required=False,
        max_length=300,
        help_text=_("Such as Ley 25.871 or DOF 25-05-2011."),
    )
    ends = _partial_date(_("Until"), PARTIAL_DATE_HELP)
    services = forms.CharField(
        label=_("Services offered"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    service_languages = forms.CharField(
        label=_("Languages of service"), required=False, max_length=200
    )
    contact = forms.CharField(
        label=_("Institutional contact"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The institution's address, telephone, e-mail or web form only: never the personal "
            "data of an official or of a migrant."
        ),
    )

    groups = [
        (
            _("The resource"),
            ["kind", "title", "summary", "language", "date", "url", "publisher", "owner"],
        ),
        (_("Tags"), ["countries", "themes", "population_groups", "actors"]),
        (
            _("Legislation and international instruments only"),
            ["instrument_type", "legal_status", "official_reference"],
        ),
        (_("Courses and projects only"), ["ends"]),
        (_("Institutions only"), ["services", "service_languages", "contact"]),
    ]

    def __init__(self, *args: Any, user: User, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["revision"].required = editing
        countries = self.fields["countries"]
        assert isinstance(countries, forms.MultipleChoiceField)
        countries.choices = country_choices()
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = permissions.actors_for_new_resources(user)
        self.secretariat = permissions.is_secretariat(user)
        if self.secretariat:
            owner.empty_label = str(_("No owner: kept by the secretariat"))
        else:
            # A focal point of one actor keeps resources for it; of several, says which.
            own = list(owner.queryset[:2])
            owner.required = len(own) != 1
            owner.initial = own[0].pk if len(own) == 1 else None
            owner.error_messages["required"] = _("Choose the actor that keeps this resource.")

    def field_groups(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(legend, [self[name] for name in names]) for legend, names in self.groups]

    def clean_date(self) -> str:
        return self._partial_date("date")

    def clean_ends(self) -> str:
        return self._partial_date("ends")

    def _partial_date(self, name: str) -> str:
        text: str = self.cleaned_data.get(name, "").strip()
        return str(parse_partial_date(text)) if text else ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors.get("date") and not self.errors.get("ends"):
            try:
                check_range(cleaned.get("date", ""), cleaned.get("ends", ""))
            except ValidationError as error:
                self.add_error("ends", error)
        return cleaned

    def values(self) -> dict[str, Any]:
        """The cleaned data as the services take it. A focal point's empty owner means their
        only actor (or the owner the resource has): it is left to the service."""
        values = {name: value for name, value in self.cleaned_data.items() if name != "revision"}
        if values.get("owner") is None and not self.secretariat:
            del values["owner"]
        return values

    @staticmethod
    def initial_for(resource: Resource) -> dict[str, Any]:
        return {
            "revision": resource.revision,
            **{name: getattr(resource, name) for name in RESOURCE_FIELDS},
            "owner": resource.owner_id,
            "countries": [country.code for country in resource.countries.all()],
            "themes": list(resource.themes.all()),
            "population_groups": list(resource.population_groups.all()),
            "actors": list(resource.actors.all()),
        }


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what needs to change when returning a resource.")},
    )


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it leaves the public pages"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the resource is taken off the public pages.")},
    )


class AttachmentForm(RevisionForm):
    file = forms.FileField(
        label=_("Attach a file"),
        help_text=_("PDF, DOCX, ODT, XLSX or plain text."),
        error_messages={"required": _("Choose a file to attach.")},
    )
