"""The search page's query string → a `SearchRequest`, and back.

Nothing a person puts in the address is an error here: a search box that answers "invalid
input" to a quote or an emoji teaches people not to search. Text is only cleaned of what no
database accepts (NUL and other control characters); the query parser decides what is a word
and cuts long text (flagging it, so the page can say so). A filter value that names nothing
matches nothing; a page number that is not one reads as the first page.

Parameters (repeat a facet's to combine values, which then are alternatives):
q, kind, country, theme, group, actor, year, language, sort (relevance | date), page, and x
(keys of concepts removed from the widened query, such as "theme:12").
"""

import re
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from followup.search.queries import FACETS, PER_PAGE, SORTS, SearchRequest

DEFAULT_SORT = SORTS[0]
# Past the last page of any plausible index, and far from the integers a database refuses
# as an OFFSET.
MAX_PAGE = 1_000_000
# Bounds on what one request may ask the database: values per facet and removed concepts.
MAX_VALUES = 20
MAX_EXCLUDED = 40
# Longer than any stored facet value (search_tag.value holds 40 characters): matches nothing.
MAX_VALUE_CHARS = 40
# Facets whose values are primary keys.
NUMERIC_FACETS = ("theme", "group", "actor")

_CONCEPT_KEY = re.compile(r"[a-z]{1,10}:[A-Za-z0-9]{1,20}")


def clean_text(text: str) -> str:
    """`text` without control characters (NUL breaks PostgreSQL parameters; the others only
    confuse), each replaced by a space; tabs and line breaks become spaces too."""
    return "".join(
        " " if unicodedata.category(char) in ("Cc", "Cs") else char for char in text
    ).strip()


def _facet_value(facet: str) -> Callable[[str], str | None]:
    def clean(value: str) -> str | None:
        if not value or len(value) > MAX_VALUE_CHARS:
            return None
        if facet in NUMERIC_FACETS:
            # ASCII digits only: "²".isdigit() is true too.
            return str(int(value)) if value.isascii() and value.isdigit() else None
        return value.upper() if facet == "country" else value

    return clean


def _concept_key(value: str) -> str | None:
    return value if _CONCEPT_KEY.fullmatch(value) else None


class SearchTextField(forms.CharField):
    widget = forms.SearchInput

    def to_python(self, value: Any) -> str:
        return clean_text(super().to_python(value) or "")


class ValuesField(forms.Field):
    """Repeated parameters as a tuple of distinct cleaned values, in the order given; values
    the `clean_value` function refuses (returns None for) are left out."""

    widget = forms.MultipleHiddenInput

    def __init__(self, clean_value: Callable[[str], str | None], limit: int, **kwargs: Any):
        self.clean_value, self.limit = clean_value, limit
        super().__init__(required=False, **kwargs)

    def to_python(self, value: Any) -> tuple[str, ...]:
        if value in self.empty_values:
            return ()
        raw = value if isinstance(value, list | tuple) else [value]
        cleaned = (self.clean_value(clean_text(str(item))) for item in raw)
        return tuple(dict.fromkeys(item for item in cleaned if item))[: self.limit]


class SortField(forms.CharField):
    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        return text if text in SORTS else DEFAULT_SORT


class PageField(forms.Field):
    def to_python(self, value: Any) -> int:
        try:
            number = int(str(value).strip())
        except (TypeError, ValueError):  # "abc", "", and numbers of more than 4,300 digits
            return 1
        return max(1, min(number, MAX_PAGE))


class SearchForm(forms.Form):
    """Always valid: see the module's docstring."""

    q = SearchTextField(required=False, label=_("Search for"))
    sort = SortField(required=False, label=_("Sort by"))
    page = PageField(required=False)
    kind = ValuesField(_facet_value("kind"), MAX_VALUES)
    country = ValuesField(_facet_value("country"), MAX_VALUES)
    theme = ValuesField(_facet_value("theme"), MAX_VALUES)
    group = ValuesField(_facet_value("group"), MAX_VALUES)
    actor = ValuesField(_facet_value("actor"), MAX_VALUES)
    year = ValuesField(_facet_value("year"), MAX_VALUES)
    language = ValuesField(_facet_value("language"), MAX_VALUES)
    x = ValuesField(_concept_key, MAX_EXCLUDED)

    def search_request(
        self, *, include_unpublished: bool, per_page: int = PER_PAGE
    ) -> SearchRequest:
        data = self.cleaned_data if self.is_valid() else {}
        return SearchRequest(
            text=data.get("q", ""),
            filters={facet: data[facet] for facet in FACETS if data.get(facet)},
            sort=data.get("sort", DEFAULT_SORT),
            page=data.get("page", 1),
            per_page=per_page,
            excluded=frozenset(data.get("x", ())),
            include_unpublished=include_unpublished,
        )


def query_pairs(request: SearchRequest, *, page: int | None = None) -> list[tuple[str, str]]:
    """The parameters that ask for `request` again, in a stable order; the page only when
    given (links that change the filters go back to the first page)."""
    pairs: list[tuple[str, str]] = []
    if request.text:
        pairs.append(("q", request.text))
    for facet in FACETS:
        pairs += [(facet, value) for value in request.filters.get(facet, ())]
    if request.sort != DEFAULT_SORT:
        pairs.append(("sort", request.sort))
    pairs += [("x", key) for key in sorted(request.excluded)]
    if page is not None and page > 1:
        pairs.append(("page", str(page)))
    return pairs


def query_string(pairs: list[tuple[str, str]]) -> str:
    """ "?a=1&b=2", or "?" alone when there is nothing (a link to the bare page)."""
    return "?" + urlencode(pairs)
