"""Forms of the focal points' workspace and the review. Each cleans input into the shapes the
services take (see services.save_entry) and names the field in every message."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from followup.countries import normalize_code
from followup.dates import check_range, parse_partial_date
from followup.i18n import collation_key
from followup.program.models import Actor, PopulationGroup, ProgramActivity, Theme
from followup.reporting.models import LANGUAGES, ActorReport, Entry, PlannedFollowUp


class RevisionForm(forms.Form):
    """Every write carries the report revision the page was loaded with (optimistic lock)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class EntryForm(RevisionForm):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Entry.Kind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    narrative = forms.CharField(
        label=gettext_lazy("Narrative"), widget=forms.Textarea, required=False
    )
    language = forms.ChoiceField(label=gettext_lazy("Language of the text"), choices=LANGUAGES)
    starts = forms.CharField(
        label=gettext_lazy("From"),
        required=False,
        max_length=10,
        help_text=gettext_lazy("2016-10-20, 2016-10 or 2016."),
    )
    ends = forms.CharField(
        label=gettext_lazy("Until"),
        required=False,
        max_length=10,
        help_text=gettext_lazy("Leave empty for a single date."),
    )
    activities = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Program activities it serves"),
        queryset=ProgramActivity.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    population_groups = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Population groups"),
        queryset=PopulationGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Partner actors"), queryset=Actor.objects.all(), required=False
    )
    countries = forms.CharField(
        label=gettext_lazy("Countries"),
        required=False,
        help_text=gettext_lazy("ISO 3166-1 alpha-3 codes separated by commas, such as GTM, HND."),
    )
    figures = forms.CharField(
        label=gettext_lazy("Figures"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "One per line: a number, a bar, what it counts. 70 | professionals trained"
        ),
    )
    links = forms.CharField(
        label=gettext_lazy("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One per line: the address, optionally a bar and a title."),
    )

    def __init__(self, *args: Any, report: ActorReport, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["activities"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = ProgramActivity.objects.filter(
            version=report.cycle.version
        ).select_related("actor")
        partners = self.fields["partners"]
        assert isinstance(partners, forms.ModelMultipleChoiceField)
        partners.queryset = Actor.objects.exclude(pk=report.actor_id)

    def clean_starts(self) -> str:
        return self._partial_date("starts")

    def clean_ends(self) -> str:
        return self._partial_date("ends")

    def _partial_date(self, name: str) -> str:
        text: str = self.cleaned_data.get(name, "").strip()
        if text:
            parse_partial_date(text)
        return text

    def clean_countries(self) -> list[str]:
        codes = [
            code
            for code in self.cleaned_data["countries"].replace(";", ",").split(",")
            if code.strip()
        ]
        errors, cleaned = [], []
        for code in codes:
            try:
                cleaned.append(normalize_code(code))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned

    def clean_figures(self) -> list[tuple[Decimal, str]]:
        figures, errors = [], []
        for line in _lines(self.cleaned_data["figures"]):
            number, _bar, counts = line.partition("|")
            try:
                value = Decimal(number.strip().replace(",", ""))
                if not value.is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                errors.append(_("“%(number)s” is not a number.") % {"number": number.strip()})
                continue
            if not counts.strip():
                errors.append(
                    _("Say what %(number)s counts, after a bar: %(number)s | people trained.")
                    % {"number": number.strip()}
                )
                continue
            figures.append((value, counts.strip()))
        if errors:
            raise ValidationError(errors)
        return figures

    def clean_links(self) -> list[tuple[str, str]]:
        links, errors = [], []
        validate = URLValidator(schemes=["http", "https"])
        for line in _lines(self.cleaned_data["links"]):
            url, _bar, title = line.partition("|")
            try:
                validate(url.strip())
            except ValidationError:
                errors.append(
                    _("“%(url)s” is not a web address (http:// or https://).")
                    % {"url": url.strip()}
                )
                continue
            links.append((url.strip(), title.strip()))
        if errors:
            raise ValidationError(errors)
        return links

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors.get("starts") and not self.errors.get("ends"):
            try:
                check_range(cleaned.get("starts", ""), cleaned.get("ends", ""))
            except ValidationError as error:
                self.add_error("ends", error)
        return cleaned

    @staticmethod
    def initial_for(entry: Entry, revision: int) -> dict[str, Any]:
        return {
            "revision": revision,
            "kind": entry.kind,
            "title": entry.title,
            "narrative": entry.narrative,
            "language": entry.language,
            "starts": entry.starts,
            "ends": entry.ends,
            "activities": list(entry.activities.all()),
            "themes": list(entry.themes.all()),
            "population_groups": list(entry.population_groups.all()),
            "partners": list(entry.partners.all()),
            "countries": ", ".join(c.code for c in entry.countries.all()),
            "figures": "\n".join(
                f"{f.value.normalize():f} | {f.counts}" for f in entry.figures.all()
            ),
            "links": "\n".join(
                f"{link.url} | {link.title}".rstrip(" |") for link in entry.links.all()
            ),
        }


class FollowUpForm(RevisionForm):
    outcome = forms.ChoiceField(
        label=gettext_lazy("What became of it"),
        choices=[("", gettext_lazy("Choose…"))]
        + [c for c in PlannedFollowUp.Outcome.choices if c[0] != PlannedFollowUp.Outcome.PENDING],
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What needs to change"), widget=forms.Textarea(attrs={"rows": 4})
    )


class CycleForm(forms.Form):
    label = forms.CharField(
        label=gettext_lazy("Period"), max_length=30, help_text=gettext_lazy("Such as 2019–2020.")
    )
    opens_on = forms.DateField(label=gettext_lazy("Opens on"), help_text=gettext_lazy("YYYY-MM-DD"))
    deadline = forms.DateField(label=gettext_lazy("Deadline"), help_text=gettext_lazy("YYYY-MM-DD"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens_on, deadline = cleaned.get("opens_on"), cleaned.get("deadline")
        if opens_on and deadline and deadline < opens_on:
            self.add_error("deadline", _("The deadline cannot come before the opening date."))
        return cleaned


def sorted_actors(actors: list[Actor]) -> list[Actor]:
    return sorted(actors, key=lambda actor: collation_key(actor.name))


class OriginalReportForm(RevisionForm):
    file = forms.FileField(
        label=gettext_lazy("Complete original report"),
        help_text=gettext_lazy("PDF, DOCX, ODT, XLSX or plain text."),
    )
    language = forms.ChoiceField(label=gettext_lazy("Its language"), choices=LANGUAGES)


class AttachmentForm(RevisionForm):
    file = forms.FileField(
        label=gettext_lazy("Attach a file"),
        help_text=gettext_lazy("PDF, DOCX, ODT, XLSX or plain text."),
    )
