"""The GET forms that narrow the meetings list and the printable calendar.

A value that matches nothing (an unknown kind, year or mandate in a shared address) is shown
with its message beside the field and left out: the page still lists what was understood.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from followup.meetings import queries
from followup.meetings.models import Meeting, WorkPlan
from followup.reporting.filters import FilterForm, SlugChoiceField


def _year_field(years: list[str], invalid: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Year"),
        required=False,
        choices=[("", _("All years")), *((year, year) for year in years)],
        error_messages={"invalid_choice": invalid},
    )


class MeetingFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Meeting.Kind.choices],
        error_messages={"invalid_choice": _("“%(value)s” is not a kind of meeting.")},
    )
    mandate = SlugChoiceField(
        queryset=queries.mandates_with_meetings(),
        label=_("Mandate"),
        empty_label=_("All mandates"),
        invalid=_("“%(value)s” is not a mandate any meeting rests on."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"] = _year_field(
            queries.meeting_years(), _("No meeting is dated in “%(value)s”.")
        )
        self.order_fields(["kind", "year", "mandate"])

    def filters(self) -> queries.MeetingFilters:
        """The filters understood; call after is_valid(), whatever it answered."""
        data = self.cleaned_data
        return queries.MeetingFilters(
            kind=data.get("kind") or "", year=data.get("year") or "", mandate=data.get("mandate")
        )


class CalendarFilterForm(FilterForm):
    work_plan = forms.ModelChoiceField(
        queryset=WorkPlan.objects.all(),
        label=_("Work plan"),
        required=False,
        empty_label=_("All work plans"),
        error_messages={"invalid_choice": _("“%(value)s” is not a work plan.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"] = _year_field(
            queries.calendar_years(), _("Nothing in the calendar is dated in “%(value)s”.")
        )

    def selected_work_plan(self) -> WorkPlan | None:
        plan: WorkPlan | None = self.cleaned_data.get("work_plan")
        return plan

    def selected_year(self) -> str:
        return str(self.cleaned_data.get("year") or "")
