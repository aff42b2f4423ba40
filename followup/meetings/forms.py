"""Forms of the secretariat's meetings workspace. Each cleans input into the shapes the services
take (see services.py); dates are checked by the services, whose messages the views put
beside the field, so a date is judged in one place."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from followup.meetings.models import CalendarRow, Meeting, MeetingDocument, WorkPlan
from followup.meetings.services import MEETING_FIELDS, ROW_FIELDS, WORK_PLAN_FIELDS
from followup.program.models import Actor, Mandate, PopulationGroup, Theme
from followup.recommendations.models import Source
from followup.reporting.models import LANGUAGES, Entry, ReportingCycle

PARTIAL_DATE_HELP = _("2016-10-20, 2016-10 or 2016; empty when it is to be determined.")


def _date_field(label: Any, help_text: Any) -> forms.CharField:
    # No max_length: a long text gets the date message of the services, not a length one.
    return forms.CharField(label=label, required=False, help_text=help_text)


def _mandates_field() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=_("Mandates"),
        queryset=Mandate.objects.all(),
        required=False,
        help_text=_(
            "The resolutions and declarations it rests on. Hold Ctrl (⌘) to choose several."
        ),
    )


class ValuesForm(forms.Form):
    """A form whose cleaned data the services take as they are."""

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class WorkPlanForm(ValuesForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        error_messages={"required": _("Give the work plan's title.")},
    )
    period_start = forms.CharField(label=_("Period from"), max_length=4, required=False)
    period_end = forms.CharField(
        label=_("Period to"),
        max_length=4,
        required=False,
        help_text=_("Years, such as 2016 and 2017."),
    )

    @staticmethod
    def initial_for(plan: WorkPlan) -> dict[str, Any]:
        return {name: getattr(plan, name) for name in WORK_PLAN_FIELDS}


class CalendarRowForm(ValuesForm):
    date = _date_field(_("Date"), PARTIAL_DATE_HELP)
    date_text = forms.CharField(
        label=_("Date as written"),
        max_length=200,
        required=False,
        help_text=_("As the work plan writes it, such as “October 2016, date to be determined”."),
    )
    activity = forms.CharField(
        label=_("Activity"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what the activity is.")},
    )
    notes = forms.CharField(
        label=_("Notes and possible guests"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    mandates = _mandates_field()
    order = forms.IntegerField(label=_("Order"), min_value=0, required=False)

    def values(self) -> dict[str, Any]:
        values = super().values()
        if values["order"] is None:
            del values["order"]  # a new row goes at the end; an edited one keeps its place
        return values

    @staticmethod
    def initial_for(row: CalendarRow) -> dict[str, Any]:
        initial = {name: getattr(row, name) for name in ROW_FIELDS if name != "meeting"}
        return {**initial, "mandates": list(row.mandates.all())}


class MeetingForm(ValuesForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Choose…")), *Meeting.Kind.choices],
        error_messages={
            "required": _("Choose the kind of meeting."),
            "invalid_choice": _("“%(value)s” is not a kind of meeting."),
        },
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        error_messages={"required": _("Give the meeting's title.")},
    )
    language = forms.ChoiceField(label=_("Language of the title and agenda"), choices=LANGUAGES)
    status = forms.ChoiceField(label=_("Status"), choices=Meeting.Status.choices)
    date = _date_field(_("Date"), PARTIAL_DATE_HELP)
    ends = _date_field(_("Until"), _("The last day of a meeting of several days; else empty."))
    location = forms.CharField(label=_("Place"), max_length=300, required=False)
    mandates = _mandates_field()
    agenda = forms.CharField(
        label=_("Agenda"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("One item per line."),
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Participating actors"),
        queryset=Actor.objects.all(),
        required=False,
        help_text=_("Hold Ctrl (⌘) to choose several."),
    )
    outcomes = forms.CharField(
        label=_("Outcomes"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    work_plan = forms.ModelChoiceField(
        label=_("Work plan"), queryset=WorkPlan.objects.all(), required=False, empty_label="—"
    )
    cycle = forms.ModelChoiceField(
        label=_("Reporting cycle"),
        queryset=ReportingCycle.objects.all(),
        required=False,
        empty_label="—",
        help_text=_("The period whose annual report its findings feed."),
    )

    @staticmethod
    def initial_for(meeting: Meeting) -> dict[str, Any]:
        initial = {name: getattr(meeting, name) for name in MEETING_FIELDS}
        return {
            **initial,
            "work_plan": meeting.work_plan_id,
            "cycle": meeting.cycle_id,
            "mandates": list(meeting.mandates.all()),
            "participants": list(meeting.participants.all()),
        }


class DocumentForm(ValuesForm):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=MeetingDocument.Kind.choices, initial=MeetingDocument.Kind.OTHER
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Without a title, a file is called by its name."),
    )
    url = forms.URLField(
        label=_("Web address"),
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={
            "invalid": _("Write the full web address, such as https://www.oas.org/agenda.pdf.")
        },
    )
    file = forms.FileField(
        label=_("Or a file"), required=False, help_text=_("PDF, DOCX, ODT, XLSX or plain text.")
    )

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ("kind", "title", "url")}


class EntryFindingForm(forms.Form):
    actor = forms.ModelChoiceField(
        label=_("Actor whose report takes it"),
        queryset=Actor.objects.all(),
        error_messages={"required": _("Choose the actor whose report takes the finding.")},
    )
    kind = forms.ChoiceField(label=_("Kind of entry"), choices=Entry.Kind.choices)
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        error_messages={"required": _("Give the finding a title.")},
    )
    narrative = forms.CharField(
        label=_("Narrative"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A meeting with one participant was most likely with that actor: preselect it.
        participants = [actor.pk for actor in meeting.participants.all()]
        actor = self.fields["actor"]
        assert isinstance(actor, forms.ModelChoiceField)
        if len(participants) == 1:
            actor.initial = participants[0]


class RecommendationFindingForm(forms.Form):
    text = forms.CharField(
        label=_("Recommendation"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Give the recommendation's text.")},
    )
    group = forms.CharField(label=_("Group or panel"), max_length=300, required=False)
    number = forms.IntegerField(label=_("Number"), min_value=1, required=False)
    all_member_states = forms.BooleanField(
        label=_("Addressed to all member states"), required=False
    )
    addressees = forms.ModelMultipleChoiceField(
        label=_("Named addressees"),
        queryset=Actor.objects.all(),
        required=False,
        help_text=_("Named states and actors, besides or instead of all member states."),
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
    source = forms.ModelChoiceField(
        label=_("Source"),
        queryset=Source.objects.all(),
        required=False,
        empty_label=_("The meeting itself"),
        help_text=_(
            "Leave it as the meeting unless the recommendation comes from another instrument."
        ),
    )

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)
