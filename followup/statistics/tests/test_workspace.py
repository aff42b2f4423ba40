"""The secretariat's statistics pages: upload, map the columns, preview, import or discard; and
define indicators. What is saved, what is refused with which message, who may do it, and how
many queries each page takes."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followup.accounts.models import User
from followup.meetings.tests.factories import PERSONAS
from followup.reporting.tests.factories import focal_point_of, secretariat_user
from followup.statistics import permissions, services
from followup.statistics.models import ImportBatch, Indicator, Observation
from followup.statistics.tests.factories import IndicatorFactory, ObservationFactory

pytestmark = pytest.mark.django_db

GOOD = "indicator,country,year,value\nMIG_STOCK,MEX,2019,100\nMIG_STOCK,CAN,2019,250\n"
# Row 3: an unknown country; row 4: a value that is not a number.
WITH_ERRORS = (
    "indicator,country,year,value\n"
    "MIG_STOCK,MEX,2019,100\n"
    "MIG_STOCK,ZZZ,2019,7\n"
    "MIG_STOCK,CAN,2019,many\n"
)


@pytest.fixture
def secretariat(client):
    user = secretariat_user()
    client.force_login(user)
    return user


@pytest.fixture
def stock():
    return IndicatorFactory(code="MIG_STOCK", name_en="Immigrant stock", name_es="Inmigrantes")


def csv_file(text, name="figures.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def upload(client, text, name="figures.csv"):
    response = client.post(reverse("statistics:import_upload"), {"file": csv_file(text, name)})
    assert response.status_code == 302, response.content.decode()
    batch = ImportBatch.objects.get(filename=name)
    assert response["Location"] == reverse("statistics:import_review", args=[batch.pk])
    return batch


def mapping_data(**changes):
    return {
        "area": "country",
        "year": "year",
        "value": "value",
        "indicator": "indicator",
        "indicator_code": "",
        "breakdown": "",
        "note": "",
        "source": "",
        "default_source": "",
        "action": "preview",
        **changes,
    }


def review(client, batch, **changes):
    return client.post(
        reverse("statistics:import_review", args=[batch.pk]), mapping_data(**changes)
    )


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def figures():
    return sorted(Observation.objects.values_list("area", "year", "value"))


def selected(content, name):
    """The value of the option selected in the select named `name`."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', content, re.S)
    assert select, name
    option = re.search(r'<option value="([^"]*)" selected>', select.group(1))
    return option.group(1) if option else None


# Upload


def test_upload_stores_the_file_and_opens_its_review_with_a_guessed_mapping(
    client, secretariat, stock
):
    batch = upload(client, GOOD)

    content = client.get(reverse("statistics:import_review", args=[batch.pk])).content.decode()

    assert (batch.status, batch.uploaded_by) == ("pending", secretariat)
    assert [selected(content, name) for name in ("area", "year", "value", "indicator")] == [
        "country",
        "year",
        "value",
        "indicator",
    ]
    assert "<code>indicator</code>, <code>country</code>, <code>year</code>" in content
    assert not Observation.objects.exists()


def test_upload_needs_a_file(client, secretariat):
    response = client.post(reverse("statistics:import_upload"), {})

    assert response.status_code == 400
    assert "Choose the file to import." in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"%PDF-1.4 a report", "“report.pdf” is not a CSV or XLSX file."),
        (
            "twice.csv",
            b"country,country\nMEX,CAN\n",
            "“twice.csv” has two columns named “country” in its header row (row 1); rename one.",
        ),
        ("empty.csv", b"", "The file is empty."),
    ],
    ids=["pdf", "duplicate column", "empty"],
)
def test_a_file_that_is_not_a_table_is_refused_with_the_services_message(
    client, secretariat, name, content, message
):
    response = client.post(
        reverse("statistics:import_upload"), {"file": SimpleUploadedFile(name, content)}
    )

    assert response.status_code == 400
    assert f'<p class="error" id="id_file_error_1">{message}</p>' in response.content.decode()
    assert not ImportBatch.objects.exists()


# Preview


def test_preview_counts_lists_each_error_and_a_sample_without_importing(client, secretariat, stock):
    ObservationFactory(indicator=stock, area="MEX", year=2019, value=90)
    batch = upload(client, WITH_ERRORS)

    response = review(client, batch)

    content = response.content.decode()
    assert response.status_code == 200
    # Rows read, valid, rows with errors, new, revised, unchanged.
    counts = re.search(r'id="preview-heading".*?<tbody><tr>(.*?)</tr>', content, re.S)
    assert re.findall(r'<td class="number">([^<]*)</td>', counts.group(1)) == [
        "3",
        "1",
        "2",
        "0",
        "1",
        "0",
    ]
    assert "<td>3</td><td>country</td><td><code>ZZZ</code></td>" in content
    assert "<td>4</td><td>value</td><td><code>many</code></td>" in content
    assert "<td>2</td><td>MIG_STOCK</td><td>Mexico (MEX)</td><td>2019</td>" in content
    assert "2 rows have errors. Nothing is imported from this file unless you choose" in content
    assert "Import only the valid rows (2 rows with errors are left out)" in content
    assert figures() == [("MEX", 2019, 90.0)]
    batch.refresh_from_db()
    assert batch.status == "pending"
    assert batch.mapping["area"] == "country"


def test_preview_shows_the_first_200_errors_and_their_total(client, secretariat, stock):
    rows = "".join(f"MIG_STOCK,ZZZ,{1900 + n},1\n" for n in range(1, 121))
    rows += "".join(f"MIG_STOCK,ZZY,{1900 + n},1\n" for n in range(1, 121))
    batch = upload(client, "indicator,country,year,value\n" + rows)

    content = review(client, batch).content.decode()

    assert "The first 200 of 240 errors." in content
    assert content.count("<td><code>ZZZ</code></td>") == 120
    assert content.count("<td><code>ZZY</code></td>") == 80


def test_a_bad_mapping_is_named_beside_its_field_and_kept(client, secretariat, stock):
    batch = upload(client, GOOD)

    response = review(client, batch, area="", note="year")

    content = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_area_error_1"' in content
    assert selected(content, "note") == "year"
    assert "preview-heading" not in content


def test_a_column_not_in_the_file_is_refused(client, secretariat, stock):
    batch = upload(client, GOOD)

    response = review(client, batch, area="nation")

    assert response.status_code == 400
    assert "The file has no column “nation”." in response.content.decode()


# Import


def test_import_of_a_clean_file_goes_back_to_the_list_with_its_counts(client, secretariat, stock):
    batch = upload(client, GOOD)

    response = review(client, batch, action="import")

    batch.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == reverse("statistics:manage")
    assert messages_of(response) == [
        "“figures.csv” imported. Figures added: 2; revised: 0; unchanged: 0; rows left out: 0."
    ]
    assert figures() == [("CAN", 2019, 250.0), ("MEX", 2019, 100.0)]
    assert (batch.status, batch.created) == ("imported", 2)


def test_a_later_file_revises_what_changed(client, secretariat, stock):
    review(client, upload(client, GOOD), action="import")
    later = upload(client, GOOD.replace("250", "260"), name="corrected.csv")

    response = review(client, later, action="import")

    assert messages_of(response)[-1:] == [
        "“corrected.csv” imported. Figures added: 0; revised: 1; unchanged: 1; rows left out: 0."
    ]
    assert figures() == [("CAN", 2019, 260.0), ("MEX", 2019, 100.0)]


def test_a_file_with_errors_is_not_imported_and_the_page_says_why(client, secretariat, stock):
    batch = upload(client, WITH_ERRORS)

    response = review(client, batch, action="import", default_source="Typed source")

    content = response.content.decode()
    assert response.status_code == 400
    assert '<div class="error-summary" role="alert">' in content
    assert "Import only the valid rows (2 rows with errors are left out)" in content
    assert "<td>3</td><td>country</td><td><code>ZZZ</code></td>" in content
    assert 'value="Typed source"' in content
    assert selected(content, "area") == "country"
    assert not Observation.objects.exists()
    batch.refresh_from_db()
    assert batch.status == "pending"


def test_importing_only_the_valid_rows_leaves_the_others_out(client, secretariat, stock):
    batch = upload(client, WITH_ERRORS)

    response = review(client, batch, action="import", valid_rows_only="on")

    assert response.status_code == 302
    assert messages_of(response) == [
        "“figures.csv” imported. Figures added: 1; revised: 0; unchanged: 0; rows left out: 2."
    ]
    assert figures() == [("MEX", 2019, 100.0)]


def test_one_indicator_for_a_file_with_years_as_columns(client, secretariat, stock):
    batch = upload(client, "country;2019;2020\nMEX;1.234,5;2.000\nCAN;7;\n")

    response = review(
        client,
        batch,
        action="import",
        indicator="",
        indicator_code="MIG_STOCK",
        year="",
        value="",
        decimal_comma="on",
        default_source="National statistics office",
    )

    assert response.status_code == 302, response.content.decode()
    assert figures() == [("CAN", 2019, 7.0), ("MEX", 2019, 1234.5), ("MEX", 2020, 2000.0)]
    assert set(Observation.objects.values_list("source", flat=True)) == {
        "National statistics office"
    }


def test_an_imported_file_shows_its_result_read_only(client, secretariat, stock):
    batch = upload(client, WITH_ERRORS)
    review(client, batch, action="import", valid_rows_only="on")

    page = client.get(reverse("statistics:import_review", args=[batch.pk])).content.decode()
    again = review(client, batch, action="import", valid_rows_only="on")

    assert 'name="action"' not in page
    # The date may end with "p.m.": no full stop after it.
    assert re.search(r"<p>Imported on [^<]*\d[^<]*, with these results:</p>", page)
    result = re.search(r'id="result-heading".*?<tbody><tr>(.*?)</tr>', page, re.S)
    assert re.findall(r'<td class="number">([^<]*)</td>', result.group(1)) == [
        "3",
        "1",
        "0",
        "0",
        "2",
    ]
    assert "<dt>Country or region</dt><dd>country</dd>" in page
    assert again.status_code == 302
    assert messages_of(again) == ["This file's import is over: nothing was changed."]
    assert figures() == [("MEX", 2019, 100.0)]


def test_discard_a_file(client, secretariat, stock):
    batch = upload(client, GOOD)

    response = client.post(reverse("statistics:import_discard", args=[batch.pk]))

    batch.refresh_from_db()
    assert response["Location"] == reverse("statistics:manage")
    assert messages_of(response) == ["“figures.csv” discarded: nothing was imported from it."]
    assert batch.status == "discarded"
    page = client.get(reverse("statistics:import_review", args=[batch.pk])).content.decode()
    assert "This file was discarded: nothing was imported from it." in page
    assert 'name="action"' not in page
    assert not Observation.objects.exists()


def test_discarding_an_imported_file_is_refused(client, secretariat, stock):
    batch = upload(client, GOOD)
    review(client, batch, action="import")

    response = client.post(reverse("statistics:import_discard", args=[batch.pk]))

    batch.refresh_from_db()
    assert response["Location"] == reverse("statistics:import_review", args=[batch.pk])
    assert messages_of(response)[-1:] == ["“figures.csv” was already imported."]
    assert batch.status == "imported"
    assert len(figures()) == 2


def test_a_file_no_longer_stored_is_named_and_can_still_be_discarded(client, secretariat):
    batch = upload(client, GOOD)
    batch.file.delete(save=False)

    response = client.get(reverse("statistics:import_review", args=[batch.pk]))

    content = response.content.decode()
    assert response.status_code == 400
    assert "The file of “figures.csv” is no longer stored; upload it again." in content
    assert 'name="action"' not in content
    assert reverse("statistics:import_discard", args=[batch.pk]) in content


# The list


def test_manage_lists_imports_and_indicators_with_their_figures(client, secretariat, stock):
    review(client, upload(client, GOOD), action="import")
    upload(client, GOOD, name="waiting.csv")
    IndicatorFactory(code="DEMO_RATE", name_en="A made-up rate", illustrative=True)

    content = client.get(reverse("statistics:manage")).content.decode()

    assert re.findall(r'/imports/\d+/">([^<]*)</a>', content) == ["waiting.csv", "figures.csv"]
    assert '<span class="status status-imported">imported</span>' in content
    assert '<span class="status status-pending">waiting for review</span>' in content
    rows = re.findall(
        r'<th scope="row"><a href="[^"]*">([A-Z_]+)</a></th>(.*?)</tr>', content, re.S
    )
    assert [(code, re.search(r'number">(\d+)<', rest).group(1)) for code, rest in rows] == [
        ("DEMO_RATE", "0"),
        ("MIG_STOCK", "2"),
    ]
    assert 'A made-up rate <span class="tag">illustrative</span>' in content
    assert reverse("statistics:indicator_edit", args=["DEMO_RATE"]) in content


def test_manage_pages_through_the_imports(client, secretariat):
    ImportBatch.objects.bulk_create(
        ImportBatch(filename=f"f{n}.csv", sha256="0" * 64, size=1, file="x") for n in range(26)
    )

    first = client.get(reverse("statistics:manage")).content.decode()
    second = client.get(reverse("statistics:manage") + "?page=2").content.decode()

    assert first.count("status-pending") == 25
    assert "Page 1 of 2" in first
    assert second.count("status-pending") == 1


def many_imports_and_indicators(count, by):
    for n in range(count):
        indicator = IndicatorFactory(illustrative=n % 2 == 0)
        ObservationFactory(indicator=indicator)
    ImportBatch.objects.bulk_create(
        ImportBatch(filename=f"f{n}.csv", sha256="0" * 64, size=1, file="x", uploaded_by=by)
        for n in range(count)
    )


def test_manage_query_count_is_the_same_with_2_and_20_items(
    client, secretariat, django_assert_num_queries
):
    many_imports_and_indicators(2, secretariat)
    # Session, user, permissions (user's and groups'), count and page of the imports, the
    # indicators with their figures counted; the session saved (savepoint, update, release).
    with django_assert_num_queries(10):
        client.get(reverse("statistics:manage"))
    many_imports_and_indicators(18, secretariat)

    with django_assert_num_queries(10):
        response = client.get(reverse("statistics:manage"))

    assert response.content.decode().count("status-pending") == 20


def test_review_query_count_is_the_same_with_2_and_20_indicators(
    client, secretariat, stock, django_assert_num_queries
):
    batch = upload(client, GOOD)
    many_imports_and_indicators(1, secretariat)
    url = reverse("statistics:import_review", args=[batch.pk])
    # Session, user, permissions (user's and groups'), the batch with its uploader, the
    # indicators to choose from; the session saved (savepoint, update, release).
    with django_assert_num_queries(9):
        client.get(url)
    many_imports_and_indicators(18, secretariat)

    with django_assert_num_queries(9):
        content = client.get(url).content.decode()

    assert content.count("— Indicator ") == 19


def test_preview_query_count_does_not_grow_with_the_indicators(
    client, secretariat, stock, django_assert_max_num_queries
):
    batch = upload(client, GOOD)
    # The page's own (as when shown) and the services' (the mapping saved, the indicators'
    # codes, the stored figures the rows' keys match); one for the sample's codes.
    with django_assert_max_num_queries(13) as few:
        review(client, batch)
    many_imports_and_indicators(20, secretariat)

    with django_assert_max_num_queries(13) as many:
        review(client, batch)

    assert len(many.captured_queries) == len(few.captured_queries)


# Indicators


def indicator_data(**changes):
    return {
        "code": "ASYLUM_APPS",
        "name_en": "Asylum applications",
        "name_es": "Solicitudes de asilo",
        "unit": "persons",
        "decimals": "0",
        "aggregation": "sum",
        "definition_en": "",
        "definition_es": "",
        "source": "UNHCR",
        "source_url": "https://www.unhcr.org/refugee-statistics",
        **changes,
    }


def test_create_an_indicator(client, secretariat):
    response = client.post(
        reverse("statistics:indicator_create"), indicator_data(code="asylum_apps")
    )

    indicator = Indicator.objects.get()
    assert response["Location"] == reverse("statistics:manage")
    assert messages_of(response) == ["Indicator saved: ASYLUM_APPS — Asylum applications."]
    assert (indicator.code, indicator.unit, indicator.illustrative) == (
        "ASYLUM_APPS",
        "persons",
        False,
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"code": ""}, "code", "Give the indicator a code, such as MIG_STOCK."),
        (
            {"code": "MIG STOCK"},
            "code",
            "Use capital letters, digits, “_”, “.” and “-”, such as MIG_STOCK.",
        ),
        ({"code": "MIG_STOCK"}, "code", "Another indicator has this code."),
        ({"name_en": ""}, "name_en", "Give the indicator&#x27;s name in English."),
        ({"unit": ""}, "unit", "Choose the unit of the figures."),
        ({"decimals": "7"}, "decimals", "Show at most 6 decimals."),
        (
            {"source_url": "not a link"},
            "source_url",
            "Write the full web address, such as https://www.iom.int/data.",
        ),
    ],
    ids=["no code", "bad code", "taken code", "no name", "no unit", "decimals", "link"],
)
def test_an_invalid_indicator_names_the_problem_beside_its_field(
    client, secretariat, stock, changes, field, message
):
    response = client.post(
        reverse("statistics:indicator_create"), indicator_data(name_es="Typed", **changes)
    )

    content = response.content.decode()
    assert response.status_code == 400
    assert f'<p class="error" id="id_{field}_error_1">{message}</p>' in content
    assert 'value="Typed"' in content
    assert Indicator.objects.count() == 1


def test_edit_an_indicator_without_figures_including_its_code(client, secretariat, stock):
    response = client.post(
        reverse("statistics:indicator_edit", args=["MIG_STOCK"]),
        indicator_data(code="MIG_STOCK_TOTAL", name_en="International migrant stock"),
    )

    stock.refresh_from_db()
    assert response.status_code == 302
    assert (stock.code, stock.name_en) == ("MIG_STOCK_TOTAL", "International migrant stock")


def test_the_code_of_an_indicator_with_figures_cannot_change(client, secretariat, stock):
    ObservationFactory(indicator=stock)
    url = reverse("statistics:indicator_edit", args=["MIG_STOCK"])

    page = client.get(url).content.decode()
    response = client.post(url, indicator_data(code="OTHER", name_en="Renamed"))

    stock.refresh_from_db()
    assert re.search(r'<input[^>]*name="code"[^>]*disabled', page)
    assert "The code cannot change: figures are filed under it." in page
    assert response.status_code == 302
    assert (stock.code, stock.name_en) == ("MIG_STOCK", "Renamed")


def test_an_invalid_edit_still_posts_to_the_saved_code(client, secretariat, stock):
    url = reverse("statistics:indicator_edit", args=["MIG_STOCK"])

    response = client.post(url, indicator_data(code="BAD CODE"))

    assert response.status_code == 400
    assert f'action="{url}"' in response.content.decode()


@pytest.mark.parametrize("code", ["%00", "MIG_STOCK%00", "MIG%20STOCK"])
def test_edit_page_of_a_malformed_code_is_not_found_without_asking_for_it(
    client, secretariat, stock, code
):
    url = reverse("statistics:indicator_edit", args=["MIG_STOCK"]).replace("MIG_STOCK", code)

    # PostgreSQL refuses text with NUL: such a code must not reach the indicators' table.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)

    assert response.status_code == 404
    assert not [query for query in queries if "statistics_indicator" in query["sql"]]


def test_edit_page_query_count_is_fixed(client, secretariat, stock, django_assert_num_queries):
    # Session, user, permissions (user's and groups'), the indicator, whether it has figures;
    # the session saved (savepoint, update, release).
    with django_assert_num_queries(9):
        client.get(reverse("statistics:indicator_edit", args=["MIG_STOCK"]))
    for year in (2001, 2002, 2003):
        ObservationFactory(indicator=stock, year=year)

    with django_assert_num_queries(9):
        client.get(reverse("statistics:indicator_edit", args=["MIG_STOCK"]))


# Who may


@pytest.fixture
def world():
    stock = IndicatorFactory(code="MIG_STOCK")
    batch = services.upload_file(csv_file(GOOD), by=secretariat_user())
    return {"batch": batch, "indicator": stock}


def matrix_data(name, world):
    if name == "import_upload":
        return {"file": csv_file(GOOD, "new.csv")}
    if name.startswith("indicator"):
        return indicator_data(code="MIG_STOCK" if name == "indicator_edit" else "NEW")
    return mapping_data(action="import" if name == "import_review" else "preview")


# (method, url name, target) → expected status for anonymous, focal point, reviewer,
# secretariat.
PAGE = [302, 403, 403, 200]
WRITE = [302, 403, 403, 302]
NOT_ALLOWED = [302, 405, 405, 405]
CASES = [
    ("get", "manage", None, PAGE),
    ("head", "manage", None, PAGE),
    ("post", "manage", None, NOT_ALLOWED),
    ("get", "import_upload", None, PAGE),
    ("post", "import_upload", None, WRITE),
    ("get", "import_review", "batch", PAGE),
    ("post", "import_review", "batch", WRITE),
    ("get", "import_discard", "batch", [302, 405, 405, 405]),
    ("post", "import_discard", "batch", WRITE),
    ("get", "indicator_create", None, PAGE),
    ("post", "indicator_create", None, WRITE),
    ("get", "indicator_edit", "indicator", PAGE),
    ("post", "indicator_edit", "indicator", WRITE),
] + [
    (method, name, target, NOT_ALLOWED)
    for method in ("put", "delete")
    for name, target in [
        ("manage", None),
        ("import_upload", None),
        ("import_review", "batch"),
        ("import_discard", "batch"),
        ("indicator_create", None),
        ("indicator_edit", "indicator"),
    ]
]
WORKSPACE = {case[1] for case in CASES}


def state():
    return (
        list(ImportBatch.objects.values_list("pk", "status", "mapping")),
        list(Indicator.objects.values_list("code", "name_en")),
        Observation.objects.count(),
    )


@pytest.mark.parametrize(
    ("method", "name", "target", "statuses"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_workspace_permission_matrix(client, world, persona, method, name, target, statuses):
    if persona != "anonymous":
        client.force_login(PERSONAS[persona]())
    args = []
    if target == "batch":
        args = [world["batch"].pk]
    elif target == "indicator":
        args = [world["indicator"].code]
    before = state()

    response = getattr(client, method)(
        reverse(f"statistics:{name}", args=args), matrix_data(name, world)
    )

    expected = statuses[list(PERSONAS).index(persona)]
    assert response.status_code == expected
    assert (state() == before) is not (
        method == "post" and expected == 302 and persona != "anonymous"
    )
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))


def test_every_workspace_route_is_in_the_matrix():
    from followup.statistics import urls

    assert {
        pattern.name
        for pattern in urls.urlpatterns
        if str(pattern.pattern).startswith("workspace/")
    } == WORKSPACE


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_permission_predicates(persona):
    user = PERSONAS[persona]()

    assert permissions.can_import_statistics(user) is (persona == "secretariat")
    assert permissions.can_add_indicators(user) is (persona == "secretariat")
    assert permissions.can_manage_indicators(user) is (persona == "secretariat")


def user_with(*codenames):
    user = User.objects.create_user(username="_".join(codenames), password="x")
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="statistics", codename__in=codenames)
    )
    return user


def test_adding_indicators_needs_the_add_permission_editing_them_the_change_one(client, stock):
    create = reverse("statistics:indicator_create")
    edit = reverse("statistics:indicator_edit", args=["MIG_STOCK"])

    client.force_login(user_with("add_indicator"))
    adder = (client.get(create).status_code, client.get(edit).status_code)
    adder_list = client.get(reverse("statistics:manage")).content.decode()
    client.force_login(user_with("change_indicator"))
    changer = (client.get(create).status_code, client.get(edit).status_code)
    changer_list = client.get(reverse("statistics:manage")).content.decode()

    assert adder == (200, 403)
    assert f'href="{create}"' in adder_list
    assert f'href="{edit}"' not in adder_list
    assert changer == (403, 200)
    assert f'href="{create}"' not in changer_list
    assert f'href="{edit}"' in changer_list


def test_the_workspace_links_to_statistics_for_the_secretariat_only(client):
    link = reverse("statistics:manage")
    client.force_login(secretariat_user())
    assert link in client.get(reverse("reporting:workspace")).content.decode()

    client.force_login(focal_point_of("iin"))
    assert link not in client.get(reverse("reporting:workspace")).content.decode()
