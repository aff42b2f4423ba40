"""Who may do what with accounts. Pages and services both ask here."""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from followup.accounts.models import ApiToken, User

AnyUser = User | AnonymousUser


def can_invite(user: AnyUser) -> bool:
    """The secretariat invites focal points and reviewers."""
    return bool(user.is_active and user.has_perm("accounts.add_userinvitation"))


def can_view_invitations(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("accounts.view_userinvitation"))


def can_change_invitations(user: AnyUser) -> bool:
    """Resend or cancel an invitation."""
    return bool(user.is_active and user.has_perm("accounts.change_userinvitation"))


def can_manage_api_tokens(user: AnyUser) -> bool:
    """Every signed-in, active user may hold personal API tokens."""
    return bool(user.is_authenticated and user.is_active)


def get_api_token_for(user: AnyUser, pk: int) -> ApiToken:
    """The user's own token; Http404 whether it is missing or someone else's."""
    if not isinstance(user, User) or not can_manage_api_tokens(user):
        raise Http404
    token = ApiToken.objects.filter(pk=pk, user_id=user.pk).first()
    if token is None:
        raise Http404
    return token
