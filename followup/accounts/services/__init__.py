"""Writes on accounts, by topic: role groups and the demo secretariat account (`roles`), API
tokens (`tokens`), sign-in with throttling (`signing_in`), and invitations: invite, resend,
cancel, accept (`invitations`). Their names are re-exported here, so callers write
`services.sign_in` whichever module holds it.

Each function checks its own rule (permission and state) and raises PermissionDenied, an
`AccountsError` whose message is for the user, or a ValidationError with a message per field.
"""

from followup.accounts.services.errors import AccountsError
from followup.accounts.services.invitations import (
    INVITATION_VALID_FOR,
    InvitationUnavailable,
    accept_invitation,
    cancel_invitation,
    invite_user,
    resend_invitation,
    suggested_username,
    usable_invitation,
)
from followup.accounts.services.roles import (
    DEMO_SECRETARIAT_USERNAME,
    create_demo_secretariat,
    sync_roles,
)
from followup.accounts.services.signing_in import client_address, sign_in, sign_in_pause_minutes
from followup.accounts.services.tokens import (
    TOKEN_PREFIX,
    issue_api_token,
    revoke_api_token,
    user_for_api_token,
)

__all__ = [
    "DEMO_SECRETARIAT_USERNAME",
    "INVITATION_VALID_FOR",
    "TOKEN_PREFIX",
    "AccountsError",
    "InvitationUnavailable",
    "accept_invitation",
    "cancel_invitation",
    "client_address",
    "create_demo_secretariat",
    "invite_user",
    "issue_api_token",
    "resend_invitation",
    "revoke_api_token",
    "sign_in",
    "sign_in_pause_minutes",
    "suggested_username",
    "sync_roles",
    "usable_invitation",
    "user_for_api_token",
]
