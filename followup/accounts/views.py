"""Account pages: sign-in and out, invitations, API tokens, "my account".

Each view parses a form, checks the permission, calls one service and renders; the rules
live in `services` and `permissions`. Password reset and change are Django's own views,
wired with our templates in `urls.py`.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from followup.accounts import permissions, queries, services
from followup.accounts.forms import (
    AcceptInvitationForm,
    ApiTokenForm,
    InvitationForm,
    SignInForm,
)
from followup.accounts.models import User, UserInvitation


def _site_url(request: HttpRequest) -> str:
    """Scheme and host of this request, for links sent by e-mail."""
    return request.build_absolute_uri("/").rstrip("/")


def _signed_in_user(request: HttpRequest) -> User:
    """The signed-in user, typed (views call this after login_required)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


class SignInView(LoginView):
    """Django's sign-in (it honours a safe ?next=), with the throttled form."""

    template_name = "accounts/login.html"
    authentication_form = SignInForm


@require_http_methods(["GET", "POST"])
def sign_out(request: HttpRequest) -> HttpResponse:
    """Signing out changes state, so it takes a POST with the CSRF token; GET asks first."""
    if request.method == "POST":
        logout(request)
        return redirect(settings.LOGOUT_REDIRECT_URL)
    if not request.user.is_authenticated:
        return redirect(settings.LOGOUT_REDIRECT_URL)
    return render(request, "accounts/logout.html")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = _signed_in_user(request)
    return render(
        request,
        "accounts/profile.html",
        {
            "profile": queries.profile_of(user),
            "can_view_invitations": permissions.can_view_invitations(user),
        },
    )


@login_required
def invite(request: HttpRequest) -> HttpResponse:
    user = _signed_in_user(request)
    if not permissions.can_invite(user):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation = services.invite_user(
                by=user,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                role=data["role"],
                actors=data["actors"],
                language=data["language"],
                site_url=_site_url(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
        except services.AccountsError as error:
            messages.error(request, str(error))
            return redirect("accounts:invitations")
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("accounts:invitations")
    return render(request, "accounts/invitation_form.html", {"form": form})


@login_required
def invitation_list(request: HttpRequest) -> HttpResponse:
    user = _signed_in_user(request)
    if not permissions.can_view_invitations(user):
        raise PermissionDenied
    return render(
        request,
        "accounts/invitation_list.html",
        {
            "pending": queries.pending_invitations(),
            "accepted": queries.accepted_invitations(),
            "limit": queries.ACCEPTED_INVITATIONS_SHOWN,
            "can_invite": permissions.can_invite(user),
            "can_change": permissions.can_change_invitations(user),
        },
    )


def _invitation_for_change(request: HttpRequest, pk: int) -> tuple[User, UserInvitation]:
    user = _signed_in_user(request)
    if not permissions.can_change_invitations(user):
        raise PermissionDenied
    return user, get_object_or_404(UserInvitation, pk=pk)


@login_required
@require_POST
def invitation_resend(request: HttpRequest, pk: int) -> HttpResponse:
    user, invitation = _invitation_for_change(request, pk)
    try:
        services.resend_invitation(invitation, by=user, site_url=_site_url(request))
    except services.AccountsError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Invitation sent again to %(email)s with a new link.") % {"email": invitation.email},
        )
    return redirect("accounts:invitations")


@login_required
@require_POST
def invitation_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user, invitation = _invitation_for_change(request, pk)
    try:
        services.cancel_invitation(invitation, by=user)
    except services.AccountsError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The invitation to %(email)s is cancelled.") % {"email": invitation.email}
        )
    return redirect("accounts:invitations")


def _invitation_unavailable(
    request: HttpRequest, error: services.InvitationUnavailable
) -> HttpResponse:
    # Unknown links are "not found"; links that worked once are "gone".
    return render(
        request,
        "accounts/invitation_unavailable.html",
        {"message": str(error)},
        status=404 if error.state is None else 410,
    )


@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.usable_invitation(token)
    except services.InvitationUnavailable as error:
        return _invitation_unavailable(request, error)
    form = AcceptInvitationForm(
        request.POST or None, initial={"username": services.suggested_username(invitation)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                token,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
        except services.InvitationUnavailable as error:
            return _invitation_unavailable(request, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect("accounts:profile")
    return render(
        request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    """The user's API tokens; a POST issues one and shows it this once."""
    user = _signed_in_user(request)
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, raw = services.issue_api_token(user, name=form.cleaned_data["name"])
        return render(request, "accounts/token_created.html", {"token": token, "raw": raw})
    return render(
        request, "accounts/token_list.html", {"tokens": queries.api_tokens_of(user), "form": form}
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = permissions.get_api_token_for(request.user, pk)
    services.revoke_api_token(token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:tokens")
