"""Forms of the import and review pages. Each proposal kind has its own edit form, which cleans
what the reviewer typed into the `data` keys `review.accept` takes (see ingest/proposals.py)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from followup.countries import CountryError, normalize_code
from followup.dates import check_range, parse_partial_date
from followup.ingest.models import Proposal
from followup.program.models import Actor
from followup.program.symbols import SymbolError, parse_symbol
from followup.reporting.models import LANGUAGES, Entry


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the view, one message per file."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        clean_one = super().clean
        if isinstance(data, list | tuple) and data:
            return [clean_one(item, initial) for item in data]
        return [clean_one(data or None, initial)]  # none sent: "This field is required."


class UploadForm(forms.Form):
    # An empty file among good ones is named by the view, without refusing the others.
    documents = MultipleFileField(
        allow_empty_file=True,
        label=gettext_lazy("Documents to import"),
        help_text=gettext_lazy(
            "DOCX, ODT, PDF, HTML or plain text; several files at once if you like."
        ),
    )


class FilterForm(forms.Form):
    """The review page's filters; an unknown value is an error, never silently ignored."""

    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=[("", gettext_lazy("All kinds")), *Proposal.Kind.choices],
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Any status")), *Proposal.Status.choices],
    )


class AcceptCleanForm(forms.Form):
    """Accept in bulk the pending proposals without warnings, of one kind or all."""

    kind = forms.ChoiceField(
        label=gettext_lazy("Of the kind"),
        required=False,
        choices=[("", gettext_lazy("All kinds")), *Proposal.Kind.choices],
    )

    def __init__(self, *args: Any, counts: dict[str, int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if counts is not None:  # the page shows how many each choice would accept
            field = self.fields["kind"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [
                ("", _("All kinds (%(count)s)") % {"count": sum(counts.values())}),
                *(
                    (kind, f"{label} ({counts[kind]})")
                    for kind, label in Proposal.Kind.choices
                    if counts.get(kind)
                ),
            ]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _partial_date(text: str) -> str:
    text = text.strip()
    if text:
        parse_partial_date(text)  # PartialDateError is a ValidationError: the field shows it
    return text


class ProposalForm(forms.Form):
    """Base of the edit forms: `initial_from` reads a proposal's data, `to_data` gives it back."""

    # Data keys kept as lists, shown one per line or comma-separated.
    list_fields: dict[str, str] = {}

    @classmethod
    def initial_from(cls, data: dict[str, Any]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for name in cls.base_fields:
            value = data.get(name, "")
            if name in cls.list_fields and isinstance(value, list):
                value = cls.list_fields[name].join(str(item) for item in value)
            initial[name] = "" if value is None else value
        return initial

    def to_data(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class EntryProposalForm(ProposalForm):
    list_fields = {"countries": ", "}

    actor = forms.ModelChoiceField(
        label=gettext_lazy("Actor"),
        queryset=Actor.objects.order_by("name_en"),
        to_field_name="slug",
        empty_label=gettext_lazy("Choose…"),
    )
    period = forms.CharField(
        label=gettext_lazy("Period"), max_length=30, help_text=gettext_lazy("Such as 2019–2020.")
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Entry.Kind.choices)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    narrative = forms.CharField(
        label=gettext_lazy("Narrative"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    language = forms.ChoiceField(label=gettext_lazy("Language of the text"), choices=LANGUAGES)
    countries = forms.CharField(
        label=gettext_lazy("Countries"),
        required=False,
        help_text=gettext_lazy("ISO 3166-1 alpha-3 codes separated by commas, such as GTM, HND."),
    )
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

    @classmethod
    def initial_from(cls, data: dict[str, Any]) -> dict[str, Any]:
        initial = super().initial_from(data)
        if initial["kind"] not in Entry.Kind.values:
            initial["kind"] = Entry.Kind.CARRIED_OUT  # as review.accept would read it
        return initial

    def clean_countries(self) -> list[str]:
        codes, errors = [], []
        for code in self.cleaned_data["countries"].replace(";", ",").split(","):
            if not code.strip():
                continue
            try:
                codes.append(normalize_code(code))
            except CountryError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return codes

    def clean_starts(self) -> str:
        return _partial_date(self.cleaned_data["starts"])

    def clean_ends(self) -> str:
        return _partial_date(self.cleaned_data["ends"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "starts" in cleaned and "ends" in cleaned:
            try:
                check_range(cleaned["starts"], cleaned["ends"])
            except ValidationError as error:
                self.add_error("ends", error)
        return cleaned

    def to_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        actor: Actor = data["actor"]
        data["actor"], data["actor_name"] = actor.slug, actor.name
        return data


class RecommendationProposalForm(ProposalForm):
    group = forms.CharField(label=gettext_lazy("Group or panel"), max_length=300, required=False)
    text = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 6}))


class CalendarRowProposalForm(ProposalForm):
    list_fields = {"mandates": "\n"}

    date = forms.CharField(
        label=gettext_lazy("Date"),
        required=False,
        max_length=10,
        help_text=gettext_lazy("YYYY-MM-DD, YYYY-MM, or empty when the date is to be determined."),
    )
    date_text = forms.CharField(
        label=gettext_lazy("Date as written"), max_length=200, required=False
    )
    mandates = forms.CharField(
        label=gettext_lazy("Mandates"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One symbol per line, such as AG/RES. 2883 (XLVI-O/16)."),
    )
    activity = forms.CharField(
        label=gettext_lazy("Activity"), widget=forms.Textarea(attrs={"rows": 3})
    )
    notes = forms.CharField(
        label=gettext_lazy("Notes and possible guests"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_date(self) -> str:
        return _partial_date(self.cleaned_data["date"])

    def clean_mandates(self) -> list[str]:
        symbols, errors = [], []
        for line in _lines(self.cleaned_data["mandates"]):
            try:
                symbols.append(parse_symbol(line).canonical)
            except SymbolError as error:
                errors.append(str(error))
        if errors:
            raise ValidationError(errors)
        return symbols


class MandateProposalForm(ProposalForm):
    symbol = forms.CharField(label=gettext_lazy("Symbol"), max_length=80)
    title_en = forms.CharField(
        label=gettext_lazy("Title (English)"), max_length=500, required=False
    )
    title_es = forms.CharField(
        label=gettext_lazy("Title (Spanish)"), max_length=500, required=False
    )

    def clean_symbol(self) -> str:
        try:
            return parse_symbol(self.cleaned_data["symbol"]).canonical
        except SymbolError as error:
            raise ValidationError(str(error)) from None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not (cleaned.get("title_en", "").strip() or cleaned.get("title_es", "").strip()):
            self.add_error("title_en", _("Give the mandate's title in English or Spanish."))
        return cleaned


PROPOSAL_FORMS: dict[str, type[ProposalForm]] = {
    Proposal.Kind.ENTRY: EntryProposalForm,
    Proposal.Kind.RECOMMENDATION: RecommendationProposalForm,
    Proposal.Kind.CALENDAR_ROW: CalendarRowProposalForm,
    Proposal.Kind.MANDATE: MandateProposalForm,
}
