"""The filter forms of reporting's pages: GET forms whose fields take slugs and country codes
from the query string, with a message naming what was not found.

The public entry list and its downloads share `EntryFilterForm`, so a download holds what the
list shows; the secretariat's dashboard builds its forms from the same fields.
"""

from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from followup.countries import CountryError, country_choices, normalize_code
from followup.program.models import Actor, PopulationGroup, Theme
from followup.reporting import queries
from followup.reporting.models import Entry, ReportingCycle

StrOrPromise = str | Promise


class CountryFilterField(forms.CharField):
    """An ISO 3166-1 alpha-3 code, offered as a list of countries by name (see
    `country_select`) but checked as typed: an address may carry any code, and an unknown one
    gets the message of `countries.normalize_code`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=3, required=False, **kwargs)

    def clean(self, value: Any) -> str:
        text: str = super().clean(value)
        if not text:
            return ""
        try:
            return normalize_code(text)
        except CountryError as error:
            raise forms.ValidationError(error.messages[0], code="unknown_country") from None


def country_select(empty_label: str) -> forms.Select:
    """The countries by name in the active language; built per form, so it follows the page."""
    return forms.Select(choices=[("", empty_label), *country_choices()])


class SlugChoiceField(forms.ModelChoiceField):
    """A choice of a record by its slug, with a message that names what was not found."""

    def __init__(self, queryset: Any, *, invalid: "StrOrPromise", **kwargs: Any) -> None:
        super().__init__(
            queryset,
            to_field_name="slug",
            required=False,
            error_messages={"invalid_choice": invalid},
            **kwargs,
        )


class FilterForm(forms.Form):
    """A GET form whose fields point at their error message (aria-describedby), so a screen
    reader announces the message with the field."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                describedby = f"{self[name].auto_id}_error"
                self.fields[name].widget.attrs["aria-describedby"] = describedby


# The theme and population group filters read alike on every page that offers them.
def theme_filter() -> SlugChoiceField:
    return SlugChoiceField(
        queryset=Theme.objects.all(),
        label=_("Theme"),
        empty_label=_("All themes"),
        invalid=_("“%(value)s” is not a theme of the Program."),
    )


def population_group_filter() -> SlugChoiceField:
    return SlugChoiceField(
        queryset=PopulationGroup.objects.all(),
        label=_("Population group"),
        empty_label=_("All population groups"),
        invalid=_("“%(value)s” is not a population group of the Program."),
    )


class EntryFilterForm(FilterForm):
    """What the public entry list, and a download of it, is narrowed to."""

    cycle = SlugChoiceField(
        queryset=ReportingCycle.objects.none(),
        label=_("Reporting cycle"),
        empty_label=_("All cycles"),
        invalid=_("“%(value)s” is not a reporting cycle with published reports."),
    )
    actor = SlugChoiceField(
        queryset=Actor.objects.none(),
        label=_("Actor"),
        empty_label=_("All actors"),
        invalid=_("“%(value)s” is not an actor with published reports."),
    )
    country = CountryFilterField(label=_("Country"))
    theme = theme_filter()
    group = population_group_filter()
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Entry.Kind.choices],
        error_messages={"invalid_choice": _("“%(value)s” is not a kind of entry.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in [
            ("cycle", queries.public_cycles()),
            ("actor", queries.public_actors()),
        ]:
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset
        self.fields["country"].widget = country_select(str(_("All countries")))

    def filters(self) -> queries.EntryFilters:
        data = self.cleaned_data
        return queries.EntryFilters(
            cycle=data["cycle"],
            actor=data["actor"],
            country=data["country"],
            theme=data["theme"],
            population_group=data["group"],
            kind=data["kind"],
        )
