"""The GET forms that narrow the knowledge base's lists.

A value that matches nothing (an unknown kind, country or theme in a shared address) is shown
with its message beside the field and left out: the list is still shown, filtered by the
values that were understood, since browsing should never end on an error page.
"""

from dataclasses import replace
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from followup.knowledge.models import Resource
from followup.knowledge.queries import ResourceFilters
from followup.reporting.filters import (
    CountryFilterField,
    FilterForm,
    country_select,
    population_group_filter,
    theme_filter,
)
from followup.reporting.models import LANGUAGES

DELETED = "deleted"


class ResourceFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Resource.Kind.choices],
        error_messages={"invalid_choice": _("“%(value)s” is not a kind of resource.")},
    )
    country = CountryFilterField(label=_("Country"))
    theme = theme_filter()
    group = population_group_filter()
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *LANGUAGES],
        error_messages={"invalid_choice": _("“%(value)s” is not a language of the resources.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].widget = country_select(str(_("All countries")))

    def filters(self) -> ResourceFilters:
        """The filters understood; call after is_valid(), whatever it answered."""
        data = self.cleaned_data
        return ResourceFilters(
            kind=data.get("kind") or "",
            country=data.get("country") or "",
            theme=data.get("theme"),
            population_group=data.get("group"),
            language=data.get("language") or "",
        )


class ManageFilterForm(ResourceFilterForm):
    """The workspace list adds the status; the secretariat may also list deleted resources."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Every status")), *Resource.Status.choices],
        error_messages={"invalid_choice": _("“%(value)s” is not a status of resources.")},
    )

    def __init__(self, *args: Any, with_deleted: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_deleted:
            status = self.fields["status"]
            assert isinstance(status, forms.ChoiceField)
            status.choices = [
                ("", _("Every status")),
                *Resource.Status.choices,
                (DELETED, _("Deleted")),
            ]

    @property
    def wants_deleted(self) -> bool:
        return self.cleaned_data.get("status") == DELETED

    def filters(self) -> ResourceFilters:
        status = self.cleaned_data.get("status") or ""
        return replace(super().filters(), status="" if status == DELETED else status)
