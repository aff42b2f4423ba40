"""What the search index holds: each domain app declares its searchable records here.

An app registers one `Source` per model in its own `search_index.py` (found at start-up, like
`admin.py`). A source turns a record into a `Document` and says which other models' changes
touch which of its records, so the index follows every save and delete without the apps
calling the search app: a report's publication re-indexes its entries, a new theme on an entry
re-tags it.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.functional import Promise

# Facets a document can carry, besides kind, language and year which every document has.
TAG_FACETS = ("country", "theme", "group", "actor")


@dataclass(frozen=True)
class Document:
    """The searchable form of one record.

    `texts` are (language, text) sections: a bilingual record such as a mandate has one per
    language, each analysed with its own stemmer. `titles` likewise; the page shows the title
    in the reader's language when there is one. `route` is a URL name and its arguments, resolved
    when shown so the link carries the reader's language; None for records without a page yet.
    """

    titles: dict[str, str]
    texts: Sequence[tuple[str, str]]
    public: bool
    route: tuple[str, Sequence[Any]] | None = None
    anchor: str = ""
    date: str = ""
    facet_kind: str = ""
    countries: Iterable[str] = ()
    themes: Iterable[int] = ()
    groups: Iterable[int] = ()
    actors: Iterable[int] = ()

    @property
    def languages(self) -> list[str]:
        return sorted({language for language, _ in self.texts} | set(self.titles))


# Given an instance of a related model, the primary keys of the source's records it touches.
Trigger = Callable[[Any], Iterable[int]]


@dataclass
class Source:
    kind: str
    model: type[models.Model]
    label: str | Promise
    # Everything that may be indexed, with what `document` reads prefetched.
    queryset: Callable[[], models.QuerySet[Any]]
    document: Callable[[Any], Document | None]
    # Other models whose saves and deletes change this source's documents.
    triggers: dict[type[models.Model], Trigger] = field(default_factory=dict)
    # Many-to-many fields of `model` whose changes re-index the record.
    m2m_fields: Sequence[str] = ()
    # Labels of the `facet_kind` values this source gives, for the kind facet.
    kind_labels: Callable[[], dict[str, str]] | None = None

    def labels(self) -> dict[str, str]:
        if self.kind_labels is not None:
            return self.kind_labels()
        return {self.kind: str(self.label)}


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> Source:
    _SOURCES[source.kind] = source
    return source


def get_source(kind: str) -> Source:
    return _SOURCES[kind]


def all_sources() -> list[Source]:
    return list(_SOURCES.values())


def kind_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for source in _SOURCES.values():
        labels.update(source.labels())
    return labels
