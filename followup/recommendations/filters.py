"""The GET forms that narrow the public recommendations pages: the list (and its download) and
the cycle of the "who has not answered" page.

A value that matches nothing is explained beside its field and left out, as on the knowledge
base's lists: the page still shows what was understood.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from followup.i18n import current_content_language
from followup.program.models import Actor
from followup.recommendations.models import Source
from followup.recommendations.progress import answers, lists
from followup.reporting.filters import (
    FilterForm,
    SlugChoiceField,
    population_group_filter,
    theme_filter,
)


class RecommendationFilterForm(FilterForm):
    """What the list, and its download, is narrowed to. `group` is the population group, as on
    the other lists of the site; the source's group or panel is `panel`."""

    source = forms.ModelChoiceField(
        queryset=Source.objects.all(),
        required=False,
        label=gettext_lazy("Source"),
        empty_label=gettext_lazy("All sources"),
        error_messages={
            "invalid_choice": gettext_lazy("“%(value)s” is not a source of recommendations.")
        },
    )
    panel = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Group or panel"),
        error_messages={
            "invalid_choice": gettext_lazy("“%(value)s” is not a group or panel of a source.")
        },
    )
    theme = theme_filter()
    group = population_group_filter()
    addressee = SlugChoiceField(
        queryset=Actor.objects.all(),
        label=gettext_lazy("Addressee"),
        empty_label=gettext_lazy("All addressees"),
        invalid=gettext_lazy("“%(value)s” is not an actor of the Program."),
    )
    q = forms.CharField(required=False, max_length=200, label=gettext_lazy("Words in the text"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        panel = self.fields["panel"]
        assert isinstance(panel, forms.ChoiceField)
        panel.choices = [("", _("All groups and panels"))] + [
            (name, name) for name in lists.panel_names()
        ]
        addressee = self.fields["addressee"]
        assert isinstance(addressee, forms.ModelChoiceField)
        addressee.queryset = Actor.objects.order_by(
            "category", f"name_{current_content_language()}"
        )

    def filters(self) -> lists.RecommendationFilters:
        """The filters understood; call after is_valid(), whatever it answered."""
        data = self.cleaned_data
        return lists.RecommendationFilters(
            source=data.get("source"),
            group=data.get("panel") or "",
            theme=data.get("theme"),
            population_group=data.get("group"),
            addressee=data.get("addressee"),
            text=(data.get("q") or "").strip(),
        )


class CycleForm(FilterForm):
    cycle = SlugChoiceField(
        queryset=answers.answer_cycles(),
        label=gettext_lazy("Reporting cycle"),
        empty_label=None,
        invalid=gettext_lazy("“%(value)s” is not a reporting cycle that has opened."),
    )
