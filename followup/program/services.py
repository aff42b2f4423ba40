"""Writes on the Program registry.

`load_program` is the one way shipped registry data enters the database, from `make run`,
the `followup load-program` command and tests alike.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from django.db import models, transaction

from followup.program import registry
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
from followup.program.registry.schema import MandateData, VersionData, VocabularyTerm
from followup.program.symbols import parse_symbol

LOAD_REASON = "followup load-program"

ModelT = TypeVar("ModelT", bound=models.Model)


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    differing: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        names = sorted({*self.created, *self.updated, *self.unchanged, *self.differing})
        lines = []
        for name in names:
            parts = [f"{self.created[name]} created", f"{self.updated[name]} updated"]
            parts.append(f"{self.unchanged[name]} unchanged")
            if self.differing[name]:
                parts.append(f"{self.differing[name]} differ from the shipped data (kept)")
            lines.append(f"{name}: " + ", ".join(parts))
        return "\n".join(lines)


class _Loader:
    """Creates missing registry rows; brings existing ones back to the shipped text only when
    asked (`update`), so the secretariat's corrections in the admin are never overwritten by a
    routine load. Every write carries a history reason naming the loader."""

    def __init__(self, *, update: bool) -> None:
        self.update = update
        self.report = LoadReport()

    def upsert(
        self, model: type[ModelT], lookup: Mapping[str, Any], values: Mapping[str, Any]
    ) -> tuple[ModelT, bool]:
        name = str(model._meta.verbose_name_plural)
        obj = model._default_manager.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            self._save(obj)
            self.report.created[name] += 1
            return obj, True
        changed = {key: value for key, value in values.items() if getattr(obj, key) != value}
        if not changed:
            self.report.unchanged[name] += 1
        elif self.update:
            for key, value in changed.items():
                setattr(obj, key, value)
            self._save(obj)
            self.report.updated[name] += 1
        else:
            self.report.differing[name] += 1
        return obj, False

    def sync_m2m(
        self, obj: models.Model, attribute: str, targets: Iterable[models.Model], created: bool
    ) -> None:
        manager = getattr(obj, attribute)
        wanted = {target.pk for target in targets}
        if wanted != set(manager.values_list("pk", flat=True)) and (created or self.update):
            manager.set(wanted)

    @staticmethod
    def _save(obj: models.Model) -> None:
        obj._change_reason = LOAD_REASON  # type: ignore[attr-defined]
        obj.full_clean(validate_unique=False, validate_constraints=False)
        obj.save()


@transaction.atomic
def load_program(*, update: bool = False) -> LoadReport:
    """Load the registry shipped in `followup.program.registry`; safe to run any number of times.

    Missing rows are created. Rows that exist but differ from the shipped data are kept as they
    are and counted as differing, unless `update` is true, which restores the shipped text.
    """
    loader = _Loader(update=update)
    themes = _load_terms(loader, Theme, registry.THEMES)
    groups = _load_terms(loader, PopulationGroup, registry.POPULATION_GROUPS)
    actors = _load_actors(loader)
    mandates = {m.symbol: m for m in (_load_mandate(loader, data) for data in registry.MANDATES)}
    for data in registry.VERSIONS:
        _load_version(loader, data, actors, mandates, themes, groups)
    return loader.report


def _load_terms(
    loader: _Loader, model: type[Theme] | type[PopulationGroup], terms: list[VocabularyTerm]
) -> dict[str, Any]:
    loaded = {}
    for order, term in enumerate(terms):
        values = {
            "label_en": term["label_en"],
            "label_es": term["label_es"],
            "description_en": term.get("description_en", ""),
            "description_es": term.get("description_es", ""),
            "order": order,
        }
        loaded[term["slug"]], _created = loader.upsert(model, {"slug": term["slug"]}, values)
    return loaded


def _load_actors(loader: _Loader) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    # Parents come before their units in the data, so each parent is loaded by then.
    for data in [*registry.ACTORS, *registry.MEMBER_STATES]:
        parent = data.get("parent")
        values = {
            "category": data["category"],
            "name_en": data["name_en"],
            "name_es": data["name_es"],
            "acronym_en": data.get("acronym_en", ""),
            "acronym_es": data.get("acronym_es", ""),
            "parent": actors[parent] if parent else None,
            "country": data.get("country", ""),
            "description_en": data.get("description_en", ""),
            "description_es": data.get("description_es", ""),
            "website": data.get("website", ""),
        }
        actors[data["slug"]], _created = loader.upsert(Actor, {"slug": data["slug"]}, values)
    return actors


def _load_mandate(loader: _Loader, data: MandateData) -> Mandate:
    symbol = parse_symbol(data["symbol"])
    adopted_on = data.get("adopted_on")
    values = {
        "slug": symbol.slug,
        "kind": symbol.kind,
        "body": symbol.body,
        "number": symbol.number,
        "session": symbol.session,
        "year": symbol.year,
        "adopted_on": date.fromisoformat(adopted_on) if adopted_on else None,
        "title_en": data["title_en"],
        "title_es": data["title_es"],
        "summary_en": data.get("summary_en", ""),
        "summary_es": data.get("summary_es", ""),
    }
    mandate, _created = loader.upsert(Mandate, {"symbol": symbol.canonical}, values)
    for order, paragraph in enumerate(data.get("paragraphs", [])):
        loader.upsert(
            OperativeParagraph,
            {"mandate": mandate, "number": paragraph["number"]},
            {"order": order, "text_en": paragraph["text_en"], "text_es": paragraph["text_es"]},
        )
    return mandate


def _load_version(
    loader: _Loader,
    data: VersionData,
    actors: Mapping[str, Actor],
    mandates: Mapping[str, Mandate],
    themes: Mapping[str, Theme],
    groups: Mapping[str, PopulationGroup],
) -> None:
    values = {
        "title_en": data["title_en"],
        "title_es": data["title_es"],
        "adopted_by": mandates[parse_symbol(data["adopted_by"]).canonical],
        "adopted_on": date.fromisoformat(data["adopted_on"]),
        "is_current": data["is_current"],
        "summary_en": data["summary_en"],
        "summary_es": data["summary_es"],
        "structure_en": data["structure_en"],
        "structure_es": data["structure_es"],
    }
    version, created = loader.upsert(ProgramVersion, {"slug": data["slug"]}, values)
    loader.sync_m2m(version, "actors", [actors[slug] for slug in data["actors"]], created)

    for order, objective in enumerate(data["objectives"]):
        loader.upsert(
            Objective,
            {"version": version, "kind": objective["kind"], "label": objective["label"]},
            {"order": order, "text_en": objective["text_en"], "text_es": objective["text_es"]},
        )

    for order, activity in enumerate(data["activities"]):
        actor = activity.get("actor")
        values = {
            "version": version,
            "actor": actors[actor] if actor else None,
            "actor_category": activity.get("category", "") if not actor else "",
            "label": activity["label"],
            "order": order,
            "text_en": activity["text_en"],
            "text_es": activity["text_es"],
            "note_en": activity.get("note_en", ""),
            "note_es": activity.get("note_es", ""),
        }
        row, created = loader.upsert(ProgramActivity, {"code": activity["code"]}, values)
        linked = [mandates[parse_symbol(symbol).canonical] for symbol in activity["mandates"]]
        loader.sync_m2m(row, "mandates", linked, created)
        loader.sync_m2m(row, "themes", [themes[slug] for slug in activity["themes"]], created)
        loader.sync_m2m(
            row, "population_groups", [groups[slug] for slug in activity["groups"]], created
        )
