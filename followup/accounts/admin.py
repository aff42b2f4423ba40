"""The back office for accounts: users with their focal point memberships; invitations and
API tokens are shown read-only (they change only through `services`)."""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.http import HttpRequest

from followup.accounts.models import ApiToken, Membership, User, UserInvitation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["actor"]
    fields = ["actor", "created_at"]
    readonly_fields = ["created_at"]


# Django's user forms name auth.User in their Meta; ours is the project's User model.
class UserCreationAdminForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):  # type: ignore[name-defined]  # not in the stubs
        model = User


class UserChangeAdminForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):  # type: ignore[name-defined]  # not in the stubs
        model = User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    inlines = [MembershipInline]
    list_display = ["username", "email", "first_name", "last_name", "is_active", "last_login"]
    list_filter = ["is_active", "is_staff", "groups"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Listed and viewable; written only by the services that own these records."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(UserInvitation)
class UserInvitationAdmin(ReadOnlyAdmin):
    list_display = [
        "email",
        "first_name",
        "last_name",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "cancelled_at",
    ]
    list_filter = ["role", "language"]
    list_select_related = ["invited_by"]
    search_fields = ["email", "first_name", "last_name"]
    # Never the token digest.
    fields = [
        "email",
        "first_name",
        "last_name",
        "role",
        "actors",
        "language",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "user",
        "cancelled_at",
    ]


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "name", "prefix"]
    # Never the digest.
    fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
