"""Forms parse what people type; the rules they enforce live in `services`."""

from itertools import groupby
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from followup.accounts import queries, services
from followup.accounts.models import ApiToken, UserInvitation
from followup.program.models import Actor


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with throttling and one message for every refusal."""

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            address = services.client_address(self.request) if self.request else ""
            try:
                self.user_cache = services.sign_in(
                    self.request, username=username, password=password, address=address
                )
            except services.AccountsError as error:
                raise forms.ValidationError(str(error), code="refused") from None
        return self.cleaned_data


class ActorsField(forms.ModelMultipleChoiceField):
    """A multi-select of actors grouped by category, in the Program's order."""

    widget = forms.SelectMultiple(attrs={"size": 12})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=queries.actors_for_invitations(), **kwargs)

    def label_from_instance(self, obj: Actor) -> str:
        return str(obj)


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    role = forms.TypedChoiceField(
        label=_("Role"),
        choices=UserInvitation.Role.choices,
        widget=forms.RadioSelect,
        initial=UserInvitation.Role.FOCAL_POINT,
    )
    actors = ActorsField(
        label=_("Focal point for"),
        required=False,
        help_text=_(
            "Required for a focal point: the actors this person reports for. Hold Ctrl (or "
            "Cmd) to choose several. Ignored for a reviewer."
        ),
    )
    language = forms.TypedChoiceField(
        label=_("Language of the invitation"),
        choices=UserInvitation.Language.choices,
        initial=UserInvitation.Language.EN,
        help_text=_("The e-mail and the page it links to are in this language."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Grouped by category in the select; validation still goes through the queryset.
        field: ActorsField = self.fields["actors"]  # type: ignore[assignment]
        field.queryset = queries.actors_for_invitations()
        field.widget.choices = [
            (Actor.Category(category).label, [(actor.pk, str(actor)) for actor in actors])
            for category, actors in groupby(field.queryset, key=lambda actor: actor.category)
        ]


class AcceptInvitationForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("You sign in with it. Letters, digits and @ . + - _ only."),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        # The validators' own rules, as an HTML list (rendered with |safe by the template).
        self.fields["password"].help_text = password_validators_help_text_html()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password, again = cleaned.get("password"), cleaned.get("password_again")
        if password and again and password != again:
            self.add_error("password_again", _("The two passwords do not match."))
        return cleaned


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name"]
        help_texts = {"name": _("What you use it for, such as “annual report script”.")}
