"""Back-office views of the recommendations and their follow-up.

Follow-up is written in the workspace (its services check who answers for whom and keep the
history), so here it is read-only, with its history. A status level some follow-up has or had
is frozen: changing its label or deleting it would make the past say something no one said,
so the change goes into a new version of the scale instead.
"""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from followup.accounts.models import User
from followup.history_admin import HistoryAdmin
from followup.recommendations import services
from followup.recommendations.models import (
    FollowUp,
    FollowUpAttachment,
    FollowUpComment,
    FollowUpLink,
    Recommendation,
    Source,
    StatusLevel,
    StatusScale,
)

LEVEL_IN_USE = _(
    "In use by follow-ups: it can be neither changed nor deleted. To change the scale, add a "
    "new version of it."
)


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["title", "reference", "kind", "issued_by", "issuer", "date", "language"]
    list_filter = ["kind", "language", "issued_by"]
    list_select_related = ["issued_by"]
    search_fields = ["title", "reference", "issuer"]
    autocomplete_fields = ["issued_by"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class RecommendationAdminForm(forms.ModelForm):
    """The admin saves without `services.save_recommendation`; it asks the same rule about
    addressees, so that no recommendation is saved addressed to no one."""

    class Meta:
        model = Recommendation
        fields = [*services.RECOMMENDATION_FIELDS, *services.RECOMMENDATION_RELATIONS]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if "addressees" in cleaned:  # otherwise the field has its own error already
            services.check_addressed(cleaned.get("all_member_states", False), cleaned["addressees"])
        return cleaned


@admin.register(Recommendation)
class RecommendationAdmin(HistoryAdmin):
    form = RecommendationAdminForm
    list_display = ["__str__", "group", "number", "source", "all_member_states", "language"]
    list_filter = ["source", "all_member_states", "language", "themes", "population_groups"]
    list_select_related = ["source"]
    search_fields = ["text", "group", "source__title", "source__reference"]
    filter_horizontal = ["themes", "population_groups", "addressees", "mandates"]
    readonly_fields = ["created_at"]


def _level_in_use(level: StatusLevel) -> bool:
    return level.pk is not None and level.pk in services.used_level_ids(level.scale)


class StatusLevelForm(forms.ModelForm):
    """A level in use shows its values but takes no change (its fields are disabled, so
    whatever is posted for them is ignored)."""

    class Meta:
        model = StatusLevel
        fields = ["code", "label_en", "label_es", "order", "implemented", "applicable"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.in_use = _level_in_use(self.instance)
        if self.in_use:
            for field in self.fields.values():
                field.disabled = True


class StatusLevelFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if getattr(form, "in_use", False) and "DELETE" in form.fields:
            form.fields["DELETE"].disabled = True


class StatusLevelInline(admin.TabularInline):
    model = StatusLevel
    form = StatusLevelForm
    formset = StatusLevelFormSet
    extra = 0
    fields = ["code", "label_en", "label_es", "order", "implemented", "applicable", "in_use"]
    readonly_fields = ["in_use"]

    @admin.display(description=_("in use"))
    def in_use(self, level: StatusLevel) -> str:
        return str(LEVEL_IN_USE) if _level_in_use(level) else ""


@admin.register(StatusScale)
class StatusScaleAdmin(HistoryAdmin):
    list_display = ["name_en", "slug", "adopted_on", "is_current"]
    readonly_fields = ["is_current"]
    inlines = [StatusLevelInline]
    actions = ["make_current"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # The code names the version in exports and the API once follow-ups use it.
        if obj is not None and services.used_level_ids(obj):
            return ["slug", "is_current"]
        return ["is_current"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and services.used_level_ids(obj):
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description=_("Make the current scale for new follow-ups"))
    def make_current(self, request: HttpRequest, queryset: QuerySet[StatusScale]) -> None:
        if queryset.count() != 1:
            self.message_user(request, _("Choose exactly one scale."), messages.ERROR)
            return
        scale = queryset.get()
        assert isinstance(request.user, User)
        services.set_current_scale(scale, by=request.user)
        self.message_user(
            request,
            _("New follow-ups are now recorded on “%(scale)s”; earlier ones keep their scale.")
            % {"scale": scale.name},
        )


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FollowUpLinkInline(ReadOnlyInline):
    model = FollowUpLink
    fields = readonly_fields = ("url", "title")


class FollowUpAttachmentInline(ReadOnlyInline):
    model = FollowUpAttachment
    fields = readonly_fields = ("name", "content_type", "size", "uploaded_by", "uploaded_at")


class FollowUpCommentInline(ReadOnlyInline):
    model = FollowUpComment
    fields = readonly_fields = ("author", "text", "created_at")


@admin.register(FollowUp)
class FollowUpAdmin(HistoryAdmin):
    """Read-only: follow-up is answered and validated in the workspace; its history is here."""

    list_display = ["recommendation", "addressee", "cycle", "level", "status", "revision"]
    list_filter = ["status", "cycle", "scale", "level", "addressee__category"]
    list_select_related = ["recommendation", "addressee", "cycle", "level"]
    search_fields = ["recommendation__text", "addressee__name_en", "addressee__name_es"]
    fields = readonly_fields = [
        "recommendation",
        "addressee",
        "cycle",
        "scale",
        "level",
        "responsible_institution",
        "narrative",
        "entries",
        "resources",
        "status",
        "revision",
        "created_at",
        "submitted_at",
        "published_at",
    ]
    inlines = [FollowUpLinkInline, FollowUpAttachmentInline, FollowUpCommentInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # nothing of the ledger is overwritten, nor deleted
