"""Connects every source's models to the index, once all apps are loaded (see apps.py)."""

from collections.abc import Callable
from typing import Any

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from followup.program.models import Actor, PopulationGroup, Theme
from followup.search import concepts
from followup.search.index import mark_dirty
from followup.search.models import SearchDocument
from followup.search.sources import Source, Trigger, all_sources

# Kept referenced: Django holds receivers weakly.
_receivers: list[Callable[..., None]] = []


def connect() -> None:
    for source in all_sources():
        triggers: dict[type[models.Model], Trigger] = {source.model: lambda obj: [obj.pk]}
        triggers.update(source.triggers)
        for model, trigger in triggers.items():
            _connect_trigger(source, model, trigger)
        for name in source.m2m_fields:
            through = getattr(source.model, name).through
            _connect_m2m(source, through)
    for model, facet in ((Theme, "theme"), (PopulationGroup, "group"), (Actor, "actor")):
        post_save.connect(concepts.clear_cache, sender=model, dispatch_uid=f"concepts-{model}")
        post_delete.connect(concepts.clear_cache, sender=model, dispatch_uid=f"concepts-d-{model}")
        _connect_term_deletion(model, facet)


def _linked(through: type[models.Model], model: type[models.Model], other: Any) -> list[int]:
    """Primary keys of `model` linked to `other` through the m2m table `through`."""
    own = next(f for f in through._meta.fields if f.related_model is model)
    far = next(f for f in through._meta.fields if f.related_model is type(other) and f is not own)
    rows = through._default_manager.filter(**{far.attname: other.pk})
    return list(rows.values_list(own.attname, flat=True))


def _connect_term_deletion(model: type[models.Model], facet: str) -> None:
    """Deleting a theme, group or actor removes its m2m rows by cascade, which sends no m2m
    signal: re-index what carried its tag, read before the rows go."""

    def receiver(sender: Any, instance: Any, **kwargs: Any) -> None:
        tagged = SearchDocument.objects.filter(tags__facet=facet, tags__value=str(instance.pk))
        for kind, object_id in tagged.values_list("kind", "object_id"):
            mark_dirty(kind, [object_id])

    _receivers.append(receiver)
    pre_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"search-{facet}-delete")


def _connect_trigger(source: Source, model: type[models.Model], trigger: Trigger) -> None:
    def receiver(sender: Any, instance: Any, **kwargs: Any) -> None:
        if kwargs.get("raw"):  # fixtures load rows as they are; `reindex` follows them
            return
        mark_dirty(source.kind, trigger(instance))

    _receivers.append(receiver)
    uid = f"search-{source.kind}-{model._meta.label}"
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid + "-delete")


def _connect_m2m(source: Source, through: type[models.Model]) -> None:
    def receiver(sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
        if not reverse:
            if action.startswith("post_"):
                mark_dirty(source.kind, [instance.pk])
        elif action == "pre_clear":
            # A reverse clear (theme.entries.clear()) names no records: read them while the
            # rows still exist.
            mark_dirty(source.kind, _linked(through, source.model, instance))
        elif action.startswith("post_") and kwargs.get("pk_set"):
            mark_dirty(source.kind, kwargs["pk_set"])

    _receivers.append(receiver)
    uid = f"search-{source.kind}-m2m-{through._meta.label}"
    m2m_changed.connect(receiver, sender=through, weak=False, dispatch_uid=uid)
