"""The GET forms that narrow the meetings list, the printable calendar and its feed.

A value that matches nothing (an unknown kind, year or mandate in a shared address) is shown
with its message beside the field and left out: the page still lists what was understood.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from followup.meetings import queries
from followup.meetings.models import Meeting, WorkPlan
from followup.reporting.filters import FilterForm, SlugChoiceField


class IdChoiceField(forms.ModelChoiceField):
    """A record chosen by its id in the query string. Only ASCII digits make an id: "²" passes
    `str.isdigit()` yet `int()` refuses it, and `int()` reads "١٢" as 12, so anything else gets
    the invalid choice's message rather than a server error or another record."""

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not (text.isascii() and text.isdecimal()):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(text)


def _work_plan_field() -> IdChoiceField:
    return IdChoiceField(
        queryset=WorkPlan.objects.all(),
        label=_("Work plan"),
        required=False,
        empty_label=_("All work plans"),
        error_messages={"invalid_choice": _("“%(value)s” is not a work plan.")},
    )


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
    work_plan = _work_plan_field()

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


class FeedFilterForm(forms.Form):
    """The calendar feed's filter, read like the printable calendar's."""

    work_plan = _work_plan_field()

    def selected_work_plan(self) -> WorkPlan | None:
        plan: WorkPlan | None = self.cleaned_data.get("work_plan")
        return plan
