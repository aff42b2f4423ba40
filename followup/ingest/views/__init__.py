"""The secretariat's pages for importing legacy documents and reviewing the records they propose.

`documents` lists, imports and shows what was read; `review` decides on the proposed records.
Views stay thin: `services.ingest_bytes` imports, `review` decides, `permissions` says who may.
Anonymous visitors are sent to sign in; signed-in users without the permission get 403.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from followup.accounts.models import User
from followup.ingest import permissions
from followup.ingest.templatetags.provenance import provenance_url

__all__ = ["READ", "provenance_url", "user_who"]

# Reading the pages is for who may import or review; each write asks for its own permission.
READ = (permissions.can_import, permissions.can_review)


def user_who(request: HttpRequest, *checks: Callable[[User], bool]) -> User:
    """The signed-in user if any check passes; 403 otherwise (login_required comes first)."""
    user = request.user
    if not isinstance(user, User) or not any(check(user) for check in checks):
        raise PermissionDenied
    return user
