"""Who may import documents and review what they propose: the secretariat."""

from django.contrib.auth.models import AnonymousUser

from followup.accounts.models import User

AnyUser = User | AnonymousUser


def can_import(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("ingest.add_sourcedocument"))


def can_review(user: AnyUser) -> bool:
    return bool(user.is_active and user.has_perm("ingest.change_proposal"))
