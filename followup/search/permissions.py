"""Who finds what in search: the one rule every entry point asks (page, facets, API, exports,
the `followup search` command).

The index holds unpublished records too (draft report entries, resources under review), so
that the secretariat can find its work in progress; everyone else finds public documents only.
A focal point does not find their own actor's drafts here either: the workspace lists those,
and one simple rule keeps a draft's words from ever reaching a public result or facet count.
"""

from django.contrib.auth.models import AnonymousUser

from followup.accounts.models import User

AnyUser = User | AnonymousUser


def can_find_unpublished(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("search.view_unpublished"))
