"""Statistics in a real browser: the secretariat uploads a CSV with one bad row, sees the
error in the preview, is refused an import of the whole file, imports only its valid rows,
and a visitor reads the figures on the indicator page and on Mexico's profile."""

from playwright.sync_api import expect

from followup.accounts.tests.factories import PASSWORD
from followup.reporting.tests.factories import secretariat_user
from followup.statistics.models import Observation
from followup.statistics.tests.factories import IndicatorFactory
from followup.tests.browser.test_reporting_cycle import sign_in

CSV = (
    b"indicator,country,year,value\n"
    b"ASYLUM,MEX,2023,140982\n"
    b"ASYLUM,XXX,2023,5\n"
    b"ASYLUM,CRI,2023,81000\n"
)


def test_the_secretariat_imports_the_valid_rows_and_visitors_read_them(new_page, registry):
    IndicatorFactory(code="ASYLUM", name_en="Asylum applications", name_es="Solicitudes de asilo")
    desk = secretariat_user()
    desk.set_password(PASSWORD)
    desk.save()

    page = new_page()
    sign_in(page, desk.username)
    page.goto("/en/workspace/statistics/")
    page.get_by_role("link", name="New import").click()
    page.get_by_label("File", exact=True).set_input_files(
        {"name": "asylum.csv", "mimeType": "text/csv", "buffer": CSV}
    )
    page.get_by_role("button", name="Upload and map the columns").click()
    page.get_by_role("button", name="Preview").click()
    bad_row = page.get_by_role("row").filter(has_text="XXX")
    expect(bad_row).to_contain_text("3")

    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator(".error-summary, .errors, [role=alert]").first).to_be_visible()
    assert not Observation.objects.exists()

    page.get_by_label("Import only the valid rows").check()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("asylum.csv")
    assert Observation.objects.count() == 2

    visitor = new_page()
    visitor.goto("/en/statistics/indicators/ASYLUM/")
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("Asylum applications")
    expect(visitor.locator("svg").first).to_be_visible()
    expect(visitor.get_by_role("row").filter(has_text="Mexico").first).to_contain_text("140,982")
    visitor.goto("/es/statistics/countries/MEX/")
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("México")
    expect(visitor.get_by_text("Solicitudes de asilo").first).to_be_visible()
