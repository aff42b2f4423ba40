"""The search page: results with highlights, facets that combine, chips that undo, notices,
sorting and pages, hostile queries, and a query count that does not grow with the hits."""

import re

import pytest
from django.http import QueryDict
from django.urls import reverse

from followup.program.models import Actor, PopulationGroup, Theme
from followup.reporting.models import ActorReport, EntryCountry
from followup.reporting.tests.factories import CycleFactory, EntryFactory, ReportFactory
from followup.search import index, queries
from followup.search.forms import MAX_PAGE, SearchForm
from followup.search.queries import SearchRequest
from followup.search.sources import Document
from followup.search.views import page_links

pytestmark = pytest.mark.django_db

URL = "/en/search/"


def entry(report, title, *, narrative="", countries=(), themes=(), groups=(), **fields):
    made = EntryFactory(report=report, title=title, narrative=narrative, **fields)
    for code in countries:
        EntryCountry.objects.create(entry=made, code=code)
    made.themes.set(Theme.objects.filter(slug__in=themes))
    made.population_groups.set(PopulationGroup.objects.filter(slug__in=groups))
    return made


@pytest.fixture
def published():
    return ReportFactory(status=ActorReport.Status.PUBLISHED)


@pytest.fixture
def quetzal(published):
    """Three published entries sharing a made-up word, and a draft that has it too."""
    entry(
        published,
        "Quetzal workshop for border officials",
        countries=["MEX", "GTM"],
        starts="2019-05",
    )
    entry(
        published,
        "Taller quetzal para cónsules",
        language="es",
        countries=["MEX"],
        starts="2020-02",
    )
    entry(published, "Quetzal census of shelters", countries=["CAN"], starts="2021-09")
    draft = ReportFactory(cycle=published.cycle, actor=Actor.objects.get(slug="cim"))
    entry(draft, "Quetzal draft plan", countries=["MEX"])
    return published


def titles(response) -> list[str]:
    return [re.sub(r"</?mark>", "", str(hit.title)) for hit in response.context["results"].hits]


def facet(response, name) -> dict[str, tuple[str, int, bool]]:
    """value → (label, count, selected) of one facet of the page."""
    for found in response.context["facets"]:
        if found.name == name:
            return {v.value: (v.label, v.count, v.selected) for v in found.values}
    return {}


# Results and facets --------------------------------------------------------------------------


def test_the_page_lists_the_hits_with_their_words_marked(client, quetzal):
    response = client.get(URL, {"q": "quetzal"})

    assert response.status_code == 200
    assert sorted(titles(response)) == [
        "Quetzal census of shelters",
        "Quetzal workshop for border officials",
        "Taller quetzal para cónsules",
    ]
    html = response.content.decode()
    assert "<mark>Quetzal</mark> census of shelters</a>" in html
    assert '<h2 id="results-heading">3 results</h2>' in html
    assert '<ol class="hits" start="1">' in html
    assert '<input type="search" id="search-q" name="q" value="quetzal"' in html


def test_the_facets_count_the_public_hits_with_their_labels(client, quetzal):
    response = client.get(URL, {"q": "quetzal"})

    assert facet(response, "country") == {
        "MEX": ("Mexico", 2, False),
        "CAN": ("Canada", 1, False),
        "GTM": ("Guatemala", 1, False),
    }
    assert facet(response, "language") == {"en": ("English", 2, False), "es": ("Spanish", 1, False)}
    assert facet(response, "year") == {
        "2021": ("2021", 1, False),
        "2020": ("2020", 1, False),
        "2019": ("2019", 1, False),
    }
    assert list(facet(response, "year")) == ["2021", "2020", "2019"]
    iin = Actor.objects.get(slug="iin")
    assert facet(response, "actor") == {str(iin.pk): ("IIN", 3, False)}
    assert facet(response, "kind") == {"entry": ("Report entry", 3, False)}


def test_the_page_says_when_facet_counts_are_estimates(client, quetzal, monkeypatch):
    exact = client.get(URL, {"q": "quetzal"})
    monkeypatch.setattr(queries, "FACET_SAMPLE", 1)
    estimated = client.get(URL, {"q": "quetzal"})

    assert "Counts are estimated" not in exact.content.decode()
    assert "Counts are estimated from the first 10,000 results." in estimated.content.decode()


def test_values_of_one_facet_are_alternatives_and_facets_combine(client, quetzal):
    mexico = client.get(URL, {"q": "quetzal", "country": "MEX"})
    mexico_or_canada = client.get(URL, {"q": "quetzal", "country": ["MEX", "CAN"]})
    mexico_in_spanish = client.get(URL, {"q": "quetzal", "country": "MEX", "language": "es"})

    assert sorted(titles(mexico)) == [
        "Quetzal workshop for border officials",
        "Taller quetzal para cónsules",
    ]
    assert len(titles(mexico_or_canada)) == 3
    assert titles(mexico_in_spanish) == ["Taller quetzal para cónsules"]
    # A facet is counted without its own selection: English is one result away.
    assert facet(mexico_in_spanish, "language") == {
        "en": ("English", 1, False),
        "es": ("Spanish", 1, True),
    }
    assert facet(mexico_in_spanish, "country") == {
        "MEX": ("Mexico", 1, True),
    }


def test_a_facet_value_links_to_the_search_with_it_selected_or_unselected(client, quetzal):
    response = client.get(URL, {"q": "quetzal", "country": "MEX"})

    [countries] = [found for found in response.context["facets"] if found.name == "country"]
    assert [(v.value, v.count, v.url) for v in countries.values] == [
        ("MEX", 2, "?q=quetzal"),
        ("CAN", 1, "?q=quetzal&country=MEX&country=CAN"),
        ("GTM", 1, "?q=quetzal&country=MEX&country=GTM"),
    ]
    html = response.content.decode()
    assert (
        '<a href="?q=quetzal" class="facet-value" aria-current="true">'
        '<span class="visually-hidden">Remove the filter </span>Mexico</a>'
    ) in html
    # A new query from the box keeps the filters.
    assert '<input type="hidden" name="country" value="MEX">' in html


def test_a_selected_value_stays_listed_with_no_hit_so_it_can_be_unselected(client, quetzal):
    response = client.get(URL, {"q": "quetzal", "country": "ARG"})

    assert titles(response) == []
    assert facet(response, "country")["ARG"] == ("Argentina", 0, True)
    html = response.content.decode()
    assert 'Argentina <span class="chip-facet">(country)</span>' in html
    assert 'href="?q=quetzal" class="chip-remove"' in html
    assert "Nothing matches your search. Try removing a filter." in html


def test_the_filter_chip_link_removes_the_filter(client, quetzal):
    filtered = client.get(URL, {"q": "quetzal", "country": "CAN"})
    [chip] = filtered.context["filter_chips"]

    unfiltered = client.get(URL + chip.url)

    assert (chip.label, chip.facet) == ("Canada", "country")
    assert titles(filtered) == ["Quetzal census of shelters"]
    assert len(titles(unfiltered)) == 3


@pytest.mark.parametrize(
    "params", [{"country": "XXX"}, {"kind": "spaceship"}, {"theme": "999"}, {"year": "1066"}]
)
def test_an_unknown_filter_value_matches_nothing(client, quetzal, params):
    response = client.get(URL, {"q": "quetzal", **params})

    assert response.status_code == 200
    assert titles(response) == []


def test_a_theme_that_is_not_an_id_is_left_out_of_the_search(client, quetzal):
    response = client.get(URL, {"q": "quetzal", "theme": "12abc"})

    assert len(titles(response)) == 3
    assert response.context["filter_chips"] == []


def test_registry_labels_follow_the_language_of_the_page(client, published):
    entry(published, "Quetzal network", themes=["trafficking-smuggling"])
    theme = Theme.objects.get(slug="trafficking-smuggling")

    response = client.get("/es/search/", {"q": "quetzal"})

    assert facet(response, "theme") == {
        str(theme.pk): ("Trata de personas y tráfico ilícito de migrantes", 1, False)
    }
    assert response.context["results"].hits[0].url.startswith("/es/reports/")


# Widened concepts ----------------------------------------------------------------------------


def test_the_concepts_a_query_names_are_chips_that_remove_them(client, published):
    entry(published, "Shelter network in the south", themes=["trafficking-smuggling"])
    theme = Theme.objects.get(slug="trafficking-smuggling")

    widened = client.get(URL, {"q": "trafficking", "kind": "entry"})
    [chip] = widened.context["concept_chips"]
    narrowed = client.get(URL + chip.url)

    assert titles(widened) == ["Shelter network in the south"]
    assert (chip.label, chip.facet) == ("Trafficking in persons and migrant smuggling", "theme")
    assert chip.url == f"?q=trafficking&kind=entry&x=theme%3A{theme.pk}"
    assert "Also searching:" in widened.content.decode()
    assert titles(narrowed) == []
    assert narrowed.context["concept_chips"] == []


def test_a_removed_concept_offers_to_search_it_again(client, published):
    entry(published, "Shelter network in the south", themes=["trafficking-smuggling"])
    theme = Theme.objects.get(slug="trafficking-smuggling")

    narrowed = client.get(URL, {"q": "trafficking", "kind": "entry", "x": f"theme:{theme.pk}"})
    [chip] = narrowed.context["removed_chips"]
    again = client.get(URL + chip.url)

    assert chip.url == "?q=trafficking&kind=entry"
    assert "Not searching:" in narrowed.content.decode()
    assert titles(again) == ["Shelter network in the south"]


def test_a_removed_concept_the_query_does_not_name_is_not_shown(client, quetzal):
    response = client.get(URL, {"q": "quetzal", "x": "theme:2"})

    assert response.context["removed_chips"] == []
    assert len(titles(response)) == 3


# Notices -------------------------------------------------------------------------------------


def test_a_long_query_is_cut_and_says_so(client, quetzal):
    response = client.get(URL, {"q": "quetzal " + "word " * 40})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Your search was shortened to its first words." in html


def test_a_query_with_nothing_searchable_says_so_and_lists_nothing(client, quetzal):
    response = client.get(URL, {"q": "😀 ¨ ´"})

    html = response.content.decode()
    assert "Nothing in your search can be looked up: type one or more words." in html
    assert titles(response) == []
    assert response.context["facets"] == []
    assert "Download these results" not in html


def test_when_no_hit_has_every_word_hits_with_some_are_shown_and_said(client, quetzal):
    response = client.get(URL, {"q": "quetzal xylophone"})

    assert len(titles(response)) == 3
    assert "No result has all the words; these have some of them." in response.content.decode()


# Browsing, sorting, pages --------------------------------------------------------------------


def test_the_empty_query_lists_everything_visible_newest_first(client, quetzal):
    response = client.get(URL, {"kind": "entry"})

    assert titles(response) == [
        "Quetzal census of shelters",
        "Taller quetzal para cónsules",
        "Quetzal workshop for border officials",
    ]
    html = response.content.decode()
    assert "Everything you may see, newest first." in html
    assert "Sort by:" not in html
    assert facet(response, "kind") == {
        "activity": ("Program activity", 28, False),
        "mandate": ("Mandate", 8, False),
        "entry": ("Report entry", 3, True),
    }


def test_sorting_by_date_puts_the_newest_first(client, quetzal):
    response = client.get(URL, {"q": "quetzal", "sort": "date"})

    assert titles(response) == [
        "Quetzal census of shelters",
        "Taller quetzal para cónsules",
        "Quetzal workshop for border officials",
    ]
    assert '<strong aria-current="true">date, newest first</strong>' in response.content.decode()


def test_pages_keep_every_parameter(client):
    response = client.get(URL, {"kind": "activity", "page": "2"})

    results = response.context["results"]
    html = response.content.decode()
    assert (results.total, results.pages, len(results.hits)) == (28, 2, 8)
    assert '<ol class="hits" start="21">' in html
    assert '<a href="?kind=activity&amp;page=2" aria-current="page">2</a>' in html
    assert '<a href="?kind=activity" rel="prev">Previous page</a>' in html
    assert 'href="/en/search/export.csv?kind=activity"' in html


def test_the_page_window_shows_the_first_last_and_nearby_pages(client):
    response = client.get(URL, {"kind": "activity", "page": "2"})
    results = response.context["results"]
    many = type(results)(
        request=SearchRequest(page=7),
        query=results.query,
        hits=[],
        total=400,
        any_words=False,
        expression=None,
    )

    numbers = [link.number for link in page_links(many)]

    assert numbers == [1, None, 5, 6, 7, 8, 9, None, 20]


def test_a_page_past_the_end_says_where_the_results_end(client, quetzal):
    response = client.get(URL, {"q": "quetzal", "page": "99999"})

    assert response.status_code == 200
    assert "There is no page 99999: the results end on page 1." in response.content.decode()


def test_a_hit_without_a_page_shows_its_title_as_plain_text(client):
    document = Document(titles={"en": "Quetzal memo"}, texts=[("en", "quetzal")], public=True)
    index.write("entry", [(987654, document)])

    response = client.get(URL, {"q": "quetzal"})

    assert '<h3 class="hit-title"><mark>Quetzal</mark> memo</h3>' in response.content.decode()


# Hostile queries -----------------------------------------------------------------------------

HOSTILE = [
    {"q": '"unclosed quote'},
    {"q": "migrant AND OR NOT children"},
    {"q": "migr* -children (rights"},
    {"q": "migrant NEAR/3 children"},
    {"q": "´"},
    {"q": "¨"},
    {"q": "🧒🏽 niños"},
    {"q": "x" * 10_000},
    {"q": "mi\x00grant\x07 \x1b[31m"},
    {"q": "'; DROP TABLE search_searchdocument; --"},
    {"q": "title:migrant column:*"},
    {"page": "99999"},
    {"page": "-1"},
    {"page": "abc"},
    {"page": "9" * 5000},
    {"sort": "sideways"},
    {"country": "\x00"},
    {"theme": "1" * 60},
    {"x": "theme:\x00"},
    {"kind": "<script>"},
]


@pytest.mark.parametrize("params", HOSTILE)
def test_no_query_string_breaks_the_page(client, params):
    response = client.get(URL, params)

    assert response.status_code == 200


def test_a_nul_in_the_query_is_dropped_and_the_rest_searched(client, quetzal):
    response = client.get(URL, {"q": "quet\x00zal"})

    assert response.context["query"].text == "quet zal"


# The form ------------------------------------------------------------------------------------


def _request(**params) -> SearchRequest:
    data = QueryDict(mutable=True)
    for name, value in params.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return SearchForm(data).search_request(include_unpublished=False)


def test_the_form_reads_every_parameter():
    request = _request(
        q="  migrant children ",
        kind=["entry", "mandate", "entry"],
        country="mex",
        theme=["2", "x", "²", "007"],
        sort="date",
        page="3",
        x=["theme:2", "bad key", "group:3"],
    )

    assert request == SearchRequest(
        text="migrant children",
        filters={"kind": ("entry", "mandate"), "country": ("MEX",), "theme": ("2", "7")},
        sort="date",
        page=3,
        excluded=frozenset({"theme:2", "group:3"}),
    )


@pytest.mark.parametrize(
    ("page", "expected"),
    [("abc", 1), ("-1", 1), ("0", 1), ("", 1), (" 4 ", 4), ("9" * 20, MAX_PAGE)],
)
def test_the_form_reads_any_page_as_a_page(page, expected):
    assert _request(page=page).page == expected


def test_the_form_replaces_control_characters_with_spaces():
    assert _request(q="a\x00b\tc\nd").text == "a b c d"


def test_the_form_defaults_an_unknown_sort_to_relevance():
    assert _request(sort="random").sort == "relevance"


# The header and the query count --------------------------------------------------------------


def test_every_page_has_the_search_box_in_its_header(client):
    html = client.get(reverse("program:home")).content.decode()

    assert '<form class="header-search" action="/en/search/" method="get" role="search">' in html
    assert '<label for="header-search-q" class="visually-hidden">Search the site</label>' in html
    assert '<li><a href="/en/search/">Search</a></li>' in html


@pytest.mark.parametrize("hits", [1, 3])
def test_the_page_reads_a_fixed_number_of_queries(client, django_assert_num_queries, hits):
    report = ReportFactory(status=ActorReport.Status.PUBLISHED, cycle=CycleFactory())
    for number in range(hits):
        entry(
            report, f"Quetzal {number}", countries=["MEX"], themes=["health"], groups=["diaspora"]
        )
    client.get(URL, {"q": "quetzal"})  # indexes the new entries, fills the concept cache

    # The page, its total, the documents, the facet counts, and the labels of themes,
    # population groups and actors (one query each).
    with django_assert_num_queries(6):
        response = client.get(URL, {"q": "quetzal"})

    assert len(titles(response)) == hits


def test_each_facet_with_a_selection_costs_one_query_more(client, django_assert_num_queries):
    report = ReportFactory(status=ActorReport.Status.PUBLISHED, cycle=CycleFactory())
    entry(report, "Quetzal", countries=["MEX"], themes=["health"], groups=["diaspora"])
    params = {"q": "quetzal", "country": "MEX", "theme": Theme.objects.get(slug="health").pk}
    client.get(URL, params)

    # Counting the countries without the country filter, and the themes without the theme's.
    with django_assert_num_queries(6 + 2):
        response = client.get(URL, params)

    assert titles(response) == ["Quetzal"]
