"""The secretariat's back office for the registry; every change lands in the model's history."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from followup.history_admin import HistoryAdmin
from followup.program.forms import MandateAdminForm
from followup.program.models import (
    Actor,
    Mandate,
    Objective,
    OperativeParagraph,
    PopulationGroup,
    ProgramActivity,
    ProgramVersion,
    Theme,
)


class VocabularyAdmin(HistoryAdmin):
    list_display = ["slug", "label_en", "label_es", "order"]
    search_fields = ["slug", "label_en", "label_es"]


admin.site.register(Theme, VocabularyAdmin)
admin.site.register(PopulationGroup, VocabularyAdmin)


@admin.register(Actor)
class ActorAdmin(HistoryAdmin):
    list_display = ["name_en", "acronym_en", "acronym_es", "category", "parent", "country"]
    list_filter = ["category"]
    search_fields = ["slug", "name_en", "name_es", "acronym_en", "acronym_es", "country"]
    autocomplete_fields = ["parent"]
    # Websites typed without a scheme are taken as https, as Django 6 will do by default.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["slug", "category", "parent", "country", "website"]}),
        (_("English"), {"fields": ["name_en", "acronym_en", "description_en"]}),
        (_("Spanish"), {"fields": ["name_es", "acronym_es", "description_es"]}),
    ]


class OperativeParagraphInline(admin.StackedInline):
    model = OperativeParagraph
    extra = 0
    fields = ["number", "order", "text_en", "text_es"]


@admin.register(Mandate)
class MandateAdmin(HistoryAdmin):
    form = MandateAdminForm
    list_display = ["symbol", "title_en", "year", "adopted_on"]
    list_filter = ["body", "kind", "year"]
    search_fields = ["symbol", "title_en", "title_es"]
    inlines = [OperativeParagraphInline]


class ObjectiveInline(admin.StackedInline):
    model = Objective
    extra = 0
    fields = ["kind", "label", "order", "text_en", "text_es"]


@admin.register(ProgramVersion)
class ProgramVersionAdmin(HistoryAdmin):
    list_display = ["slug", "title_en", "adopted_by", "adopted_on", "is_current"]
    filter_horizontal = ["actors"]
    inlines = [ObjectiveInline]


@admin.register(ProgramActivity)
class ProgramActivityAdmin(HistoryAdmin):
    list_display = ["code", "version", "actor", "actor_category", "label"]
    list_filter = ["version", "actor_category", "themes", "population_groups"]
    list_select_related = ["version", "actor"]
    search_fields = ["code", "text_en", "text_es"]
    autocomplete_fields = ["actor"]
    filter_horizontal = ["mandates", "themes", "population_groups"]


@admin.register(Objective)
class ObjectiveAdmin(HistoryAdmin):
    list_display = ["version", "kind", "label", "order"]
    list_filter = ["version", "kind"]


@admin.register(OperativeParagraph)
class OperativeParagraphAdmin(HistoryAdmin):
    list_display = ["mandate", "number", "order"]
    list_select_related = ["mandate"]
    search_fields = ["mandate__symbol", "text_en", "text_es"]
