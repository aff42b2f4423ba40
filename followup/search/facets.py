"""Facet counts as the reader sees them: labelled values, most frequent first, each with the
query string that selects or unselects it.

Values of one facet are alternatives, so a facet's counts leave out its own selection: with
Mexico selected, Canada still shows how many results it would add (one more query per facet
with a selection, whatever the number of hits).

Labels come from where each facet's values live: kinds from the sources, countries from ISO,
themes, population groups and actors from the registry (one query per facet, for the values
present). Selected values are always listed, even when nothing matches them any more, so that
the reader can always unselect them.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from followup.countries import country_name
from followup.i18n import collation_key
from followup.program.models import Actor, PopulationGroup, Theme
from followup.search.forms import query_pairs, query_string
from followup.search.queries import FACETS, SearchRequest, SearchResults, facet_counts
from followup.search.sources import kind_labels

# Headings of the facets; lower case, as they also read inside a sentence "(theme)".
FACET_LABELS: dict[str, Promise] = {
    "kind": _("kind"),
    "country": _("country"),
    "theme": _("theme"),
    "group": _("population group"),
    "actor": _("actor"),
    "year": _("year"),
    "language": _("language"),
}

# Values listed before the rest fold under "More".
SHOWN_VALUES = 8

LANGUAGE_LABELS: dict[str, Promise] = {
    "en": _("English"),
    "es": _("Spanish"),
    "fr": _("French"),
    "pt": _("Portuguese"),
}


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    # The query string of the same search with this value selected, or unselected if it is.
    url: str


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    values: list[FacetValue]

    @property
    def selected(self) -> list[FacetValue]:
        return [value for value in self.values if value.selected]

    @property
    def shown(self) -> list[FacetValue]:
        """The first values, and the selected ones wherever they fall."""
        return [v for i, v in enumerate(self.values) if i < SHOWN_VALUES or v.selected]

    @property
    def folded(self) -> list[FacetValue]:
        return [v for i, v in enumerate(self.values) if i >= SHOWN_VALUES and not v.selected]


def toggled(request: SearchRequest, facet: str, value: str) -> SearchRequest:
    """`request` with `value` of `facet` selected, or unselected if it was; on page 1."""
    current = request.filters.get(facet, ())
    values = tuple(v for v in current if v != value) if value in current else (*current, value)
    return replace(request, filters={**request.filters, facet: values}, page=1)


def link_request(results: SearchResults) -> SearchRequest:
    """The request that links of a result page start from: the query as it was kept (a long
    query is cut once, not carried whole in every link)."""
    return replace(results.request, text=results.query.text)


def value_counts(results: SearchResults) -> dict[str, dict[str, int]]:
    """facet → value → number of results with it, each facet counted under the other facets'
    filters only."""
    counts = facet_counts(results)
    filters = results.request.filters
    for name in FACETS:
        if filters.get(name):
            others = {facet: values for facet, values in filters.items() if facet != name}
            widened = replace(results, request=replace(results.request, filters=others))
            counts[name] = facet_counts(widened).get(name, {})
    return counts


def facets(results: SearchResults, counts: dict[str, dict[str, int]]) -> list[Facet]:
    """Every facet with its values, in FACETS order; a facet with no value is listed empty."""
    request = link_request(results)
    found: list[Facet] = []
    for name in FACETS:
        facet_counts = dict(counts.get(name, {}))
        selected = request.filters.get(name, ())
        for value in selected:
            facet_counts.setdefault(value, 0)
        labels = value_labels(name, facet_counts)
        values = [
            FacetValue(
                value=value,
                label=labels.get(value, value),
                count=count,
                selected=value in selected,
                url=query_string(query_pairs(toggled(request, name, value))),
            )
            for value, count in facet_counts.items()
        ]
        if name == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        else:
            values.sort(key=lambda v: (-v.count, collation_key(v.label), v.value))
        found.append(Facet(name, str(FACET_LABELS[name]), values))
    return found


def value_labels(facet: str, values: Iterable[str]) -> dict[str, str]:
    """value → label in the active language; values with no label are left out (shown as
    they are)."""
    values = list(values)
    if not values:
        return {}
    if facet == "kind":
        return kind_labels()
    if facet == "country":
        return {code: country_name(code) for code in values}
    if facet == "language":
        return {code: str(LANGUAGE_LABELS[code]) for code in values if code in LANGUAGE_LABELS}
    if facet in ("theme", "group", "actor"):
        return _registry_labels(facet, values)
    return {}


def _registry_labels(facet: str, values: list[str]) -> dict[str, str]:
    ids = [int(value) for value in values if value.isascii() and value.isdigit()]
    if not ids:
        return {}
    if facet == "actor":
        return {
            str(actor.pk): actor.acronym or actor.name for actor in Actor.objects.filter(pk__in=ids)
        }
    model = Theme if facet == "theme" else PopulationGroup
    return {str(term.pk): term.label for term in model.objects.filter(pk__in=ids)}
