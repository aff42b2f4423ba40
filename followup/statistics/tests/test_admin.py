"""The back office: indicators edited, imports and figures only shown, and the figures' list
in a fixed number of queries whatever its size."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from followup.reporting.tests.factories import secretariat_user
from followup.statistics.models import ImportBatch, ObservationRevision
from followup.statistics.tests.factories import IndicatorFactory, ObservationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(client):
    user = secretariat_user()
    client.force_login(user)
    return user


def admin_url(model, view="changelist", *args):
    return reverse(f"admin:statistics_{model}_{view}", args=args)


def listed(content):
    """The rows of a changelist, as the text of their first column."""
    return re.findall(r'<th class="field-[a-z_]+"><a href="[^"]*">([^<]*)</a></th>', content)


def test_indicator_admin_searches_and_filters(client, secretariat):
    IndicatorFactory(code="MIG_STOCK", name_en="Immigrant stock")
    IndicatorFactory(code="DEMO_RATE", name_en="Made-up rate", illustrative=True)

    found = client.get(admin_url("indicator") + "?q=immigrant").content.decode()
    illustrative = client.get(admin_url("indicator") + "?illustrative__exact=1").content.decode()

    assert listed(found) == ["MIG_STOCK"]
    assert listed(illustrative) == ["DEMO_RATE"]


def test_the_code_of_an_indicator_with_figures_is_read_only_in_the_admin(client, secretariat):
    free = IndicatorFactory(code="FREE")
    used = ObservationFactory(indicator=IndicatorFactory(code="USED")).indicator

    free_page = client.get(admin_url("indicator", "change", free.pk)).content.decode()
    used_page = client.get(admin_url("indicator", "change", used.pk)).content.decode()

    assert 'name="code"' in free_page
    assert 'name="code"' not in used_page
    assert '<div class="readonly">USED</div>' in used_page


@pytest.mark.parametrize("model", ["importbatch", "observation"])
def test_imports_and_figures_cannot_be_added_in_the_admin(client, secretariat, model):
    assert client.get(admin_url(model, "add")).status_code == 403


def test_a_figure_is_shown_read_only_with_its_superseded_values(client, secretariat):
    batch = ImportBatch.objects.create(filename="old.csv", sha256="0" * 64, size=1, file="x")
    figure = ObservationFactory(value=120, revision=2)
    ObservationRevision.objects.create(
        observation=figure,
        revision=1,
        value=110,
        note="Provisional",
        batch=batch,
        recorded_at=timezone.now(),
    )

    response = client.get(admin_url("observation", "change", figure.pk))
    posted = client.post(admin_url("observation", "change", figure.pk), {"value": "1"})

    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="value"' not in content
    assert "Provisional" in content
    assert "old.csv" in content
    assert posted.status_code == 403
    figure.refresh_from_db()
    assert figure.value == 120


def test_an_import_is_shown_read_only(client, secretariat):
    batch = ImportBatch.objects.create(filename="figures.csv", sha256="0" * 64, size=1, file="x")

    content = client.get(admin_url("importbatch", "change", batch.pk)).content.decode()

    assert "figures.csv" in content
    assert 'name="filename"' not in content
    assert client.post(admin_url("importbatch", "delete", batch.pk)).status_code == 403


def test_figures_are_filtered_by_indicator_and_year_and_found_by_area(client, secretariat):
    stock = IndicatorFactory(code="MIG_STOCK")
    other = IndicatorFactory(code="OTHER")
    ObservationFactory(indicator=stock, area="MEX", year=2019, value=1)
    ObservationFactory(indicator=stock, area="CAN", year=2020, value=2)
    ObservationFactory(indicator=other, area="MEX", year=1990, value=3)

    def values(query):
        content = client.get(admin_url("observation") + query).content.decode()
        return re.findall(r'<td class="field-value">([^<]*)</td>', content), content

    by_indicator, page = values(f"?indicator__id__exact={stock.pk}")
    by_year, _ = values("?year=1990")
    by_area, _ = values("?q=mex")

    assert sorted(by_indicator) == ["1.0", "2.0"]
    # Once an indicator is chosen, the year filter offers only its years.
    assert re.findall(r"year=(\d{4})", page) == ["2020", "2019"]
    assert by_year == ["3.0"]
    assert sorted(by_area) == ["1.0", "3.0"]


@pytest.mark.parametrize(
    "query",
    [
        "?year=²",
        "?year=٢٠١٩",
        "?year=99999999999999999999999",
        "?indicator__id__exact=²",
        "?indicator__id__exact=99999999999999999999999",
    ],
)
def test_figures_filters_ignore_what_is_not_a_plain_number(client, secretariat, query):
    ObservationFactory(indicator=IndicatorFactory(code="MIG_STOCK"), year=2019, value=1)

    response = client.get(admin_url("observation") + query)

    assert response.status_code == 200
    # The year filter still offers the years, read without the indicator's number.
    assert re.search(r'year=2019"', response.content.decode())


def test_figures_filters_read_eighteen_digits_at_most(client, secretariat):
    ObservationFactory(year=2019, value=1)

    response = client.get(admin_url("observation") + "?year=999999999999999999")

    assert response.status_code == 200
    assert '<td class="field-value">' not in response.content.decode()


def test_figures_list_query_count_is_the_same_with_2_and_20_figures(
    client, secretariat, django_assert_num_queries
):
    stock = IndicatorFactory(code="MIG_STOCK")
    for year in (2001, 2002):
        ObservationFactory(indicator=stock, year=year)
    # Session, user, permissions (user's and groups'), the filtered count, the page with
    # its indicators, the indicators and the years of the filters; the session saved
    # (savepoint, update, release).
    with django_assert_num_queries(11):
        client.get(admin_url("observation"))
    for year in range(2003, 2021):
        ObservationFactory(indicator=IndicatorFactory(), year=year)

    with django_assert_num_queries(11):
        response = client.get(admin_url("observation"))

    assert response.content.decode().count('<td class="field-value">') == 20


def test_imports_list_query_count_is_the_same_with_2_and_20_imports(
    client, secretariat, django_assert_num_queries
):
    def imports(count):
        ImportBatch.objects.bulk_create(
            ImportBatch(filename="f.csv", sha256="0" * 64, size=1, file="x", uploaded_by=user)
            for _ in range(count)
        )

    user = secretariat_user()
    imports(2)
    with django_assert_num_queries(12) as few:
        client.get(admin_url("importbatch"))
    imports(18)

    with django_assert_num_queries(12):
        client.get(admin_url("importbatch"))

    assert few.captured_queries
