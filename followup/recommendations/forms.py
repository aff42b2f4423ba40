"""Forms of the recommendations' workspace. Each cleans input into the shapes the services take
(see services.save_follow_up and services.save_recommendation) and names the field in every
message; the services check the rules again, whatever the entry point."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from followup.accounts.models import User
from followup.knowledge.models import Resource
from followup.program.models import Actor, Mandate
from followup.recommendations import permissions
from followup.recommendations.models import FollowUp, Recommendation, Source, StatusLevel
from followup.reporting.models import Entry, ReportingCycle


class RevisionForm(forms.Form):
    """Every write carries the follow-up revision the page was loaded with (optimistic lock)."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class EntryChoiceField(forms.ModelMultipleChoiceField):
    """Report entries named with their cycle: the same title often comes back each year."""

    def label_from_instance(self, obj: Entry) -> str:
        return f"{obj.report.cycle.label} · {obj.title}"


class FollowUpForm(RevisionForm):
    level = forms.ModelChoiceField(
        label=gettext_lazy("Status"),
        queryset=StatusLevel.objects.none(),
        required=False,
        empty_label=gettext_lazy("Not decided yet"),
    )
    responsible_institution = forms.CharField(
        label=gettext_lazy("Responsible institution"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("The body in charge, such as the national migration authority."),
    )
    narrative = forms.CharField(
        label=gettext_lazy("What was done"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Measures taken, laws adopted, what remains to do. Needed unless the status does "
            "not apply."
        ),
    )
    entries = EntryChoiceField(
        label=gettext_lazy("Related entries of the addressee's reports"),
        queryset=Entry.objects.none(),
        required=False,
        help_text=gettext_lazy("What the addressee reported, in any cycle, that answers it."),
        widget=forms.CheckboxSelectMultiple,
    )
    resources = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Related resources of the knowledge base"),
        queryset=Resource.objects.none(),
        required=False,
        help_text=gettext_lazy("Published resources only. Hold Ctrl (⌘) to choose several."),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Choose published resources of the knowledge base (“%(value)s” is not one)."
            )
        },
    )
    links = forms.CharField(
        label=gettext_lazy("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One per line: the address, a space, then a title if you wish."),
    )

    def __init__(self, *args: Any, follow_up: FollowUp, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        level = _choices(self, "level")
        level.queryset = follow_up.scale.levels.order_by("order")
        level.error_messages["invalid_choice"] = _(
            "Choose one of the statuses of the scale “%(scale)s”."
        ) % {"scale": follow_up.scale.name}
        entries = _choices(self, "entries")
        entries.queryset = (
            Entry.objects.filter(
                report__actor_id=follow_up.addressee_id,
                report__deleted_at__isnull=True,
                deleted_at__isnull=True,
            )
            .select_related("report__cycle")
            .order_by("-report__cycle__opens_on", "order", "pk")
        )
        entries.error_messages["invalid_choice"] = _(
            "Choose entries of the reports of %(addressee)s."
        ) % {"addressee": follow_up.addressee.name}
        _choices(self, "resources").queryset = Resource.objects.filter(
            status=Resource.Status.PUBLISHED, deleted_at__isnull=True
        ).order_by("title")

    def clean_links(self) -> list[tuple[str, str]]:
        links, errors = [], []
        validate = URLValidator(schemes=["http", "https"])
        for line in _lines(self.cleaned_data["links"]):
            url, _space, title = line.partition(" ")
            try:
                validate(url)
            except ValidationError:
                errors.append(
                    _("“%(url)s” is not a web address (http:// or https://).") % {"url": url}
                )
                continue
            links.append((url, title.strip()))
        if errors:
            raise ValidationError(errors)
        return links

    def values(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if name != "revision"}

    @staticmethod
    def initial_for(follow_up: FollowUp) -> dict[str, Any]:
        return {
            "revision": follow_up.revision,
            "level": follow_up.level_id,
            "responsible_institution": follow_up.responsible_institution,
            "narrative": follow_up.narrative,
            "entries": [entry.pk for entry in follow_up.entries.all()],
            "resources": [resource.pk for resource in follow_up.resources.all()],
            "links": "\n".join(
                f"{link.url} {link.title}".rstrip() for link in follow_up.links.all()
            ),
        }


class AttachmentForm(RevisionForm):
    file = forms.FileField(
        label=gettext_lazy("Document"),
        help_text=gettext_lazy("PDF, DOCX, ODT, XLSX or plain text."),
        error_messages={"required": gettext_lazy("Choose a file to attach.")},
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Say what needs to change when returning a follow-up.")
        },
    )


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why it leaves the public pages"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Say why the follow-up is taken off the public pages.")
        },
    )


class AnswerListForm(forms.Form):
    """What the list of recommendations to answer shows: the cycle, and for the secretariat
    (who answers for any actor) the actor."""

    cycle = forms.ModelChoiceField(
        label=gettext_lazy("Reporting cycle"),
        queryset=ReportingCycle.objects.none(),
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": gettext_lazy("There is no such reporting cycle.")},
    )
    actor = forms.ModelChoiceField(
        label=gettext_lazy("Addressee"),
        queryset=Actor.objects.none(),
        required=False,
        empty_label=gettext_lazy("Choose…"),
        error_messages={
            "invalid_choice": gettext_lazy("Choose an addressee among the Program's actors.")
        },
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self, "cycle").queryset = permissions.cycles_for_answers(user).order_by(
            "-opens_on"
        )
        if permissions.is_secretariat(user):
            _choices(self, "actor").queryset = Actor.objects.order_by("category", "name_en")
        else:
            del self.fields["actor"]


class OpenFollowUpForm(forms.Form):
    """The "Answer" button: which recommendation, for which addressee, in which cycle."""

    recommendation = forms.ModelChoiceField(
        queryset=Recommendation.objects.all(),
        error_messages={
            "required": gettext_lazy("Say which recommendation to answer."),
            "invalid_choice": gettext_lazy("There is no such recommendation."),
        },
    )
    addressee = forms.ModelChoiceField(
        queryset=Actor.objects.all(),
        error_messages={
            "required": gettext_lazy("Choose an addressee among the Program's actors."),
            "invalid_choice": gettext_lazy("Choose an addressee among the Program's actors."),
        },
    )
    cycle = forms.ModelChoiceField(
        queryset=ReportingCycle.objects.all(),
        error_messages={
            "required": gettext_lazy("Say for which reporting cycle."),
            "invalid_choice": gettext_lazy("There is no such reporting cycle."),
        },
    )


class SourceForm(forms.ModelForm):
    url = forms.URLField(
        label=gettext_lazy("Official link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": gettext_lazy(
                "Write the full web address, such as https://www.example.org/law.pdf."
            )
        },
    )

    class Meta:
        model = Source
        fields = ["kind", "title", "reference", "issued_by", "issuer", "date", "url", "language"]
        error_messages = {"title": {"required": gettext_lazy("Give the source's title.")}}

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = [
            "source",
            "group",
            "number",
            "text",
            "language",
            "date",
            "themes",
            "population_groups",
            "all_member_states",
            "addressees",
            "mandates",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "population_groups": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "source": {"required": gettext_lazy("Choose the source of the recommendation.")},
            "text": {"required": gettext_lazy("Give the text of the recommendation.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        addressees: QuerySet[Actor] = Actor.objects.order_by("category", "name_en")
        _choices(self, "addressees").queryset = addressees
        mandates: QuerySet[Mandate] = Mandate.objects.order_by("-year", "symbol")
        _choices(self, "mandates").queryset = mandates

    def values(self) -> dict[str, Any]:
        return dict(self.cleaned_data)
