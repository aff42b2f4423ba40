"""Importing a legacy report in a real browser: upload, review side by side, accept, and the
accepted entry shows where it came from."""

import io

import pytest
from docx import Document
from playwright.sync_api import expect

from followup.accounts.tests.factories import PASSWORD
from followup.ingest.models import Proposal
from followup.reporting.models import Entry
from followup.reporting.tests.factories import secretariat_user
from followup.tests.browser.test_reporting_cycle import sign_in


def _report_docx() -> bytes:
    document = Document()
    document.add_heading("Annual report 2019-2020", level=1)
    document.add_heading("1. Report by the Inter-American Children's Institute (IIN)", level=2)
    document.add_paragraph("The IIN trained 70 officials in Guatemala in March 2019.")
    document.add_paragraph("It held a meeting of the Quito Process in Ecuador.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.usefixtures("registry")
def test_the_secretariat_imports_a_report_and_reviews_it(new_page, tmp_path):
    secretariat = secretariat_user()
    secretariat.set_password(PASSWORD)
    secretariat.save()
    upload = tmp_path / "informe-iin.docx"
    upload.write_bytes(_report_docx())
    page = new_page()
    sign_in(page, secretariat.username)

    page.goto("/en/workspace/")
    page.get_by_role("link", name="Imported documents").click()
    page.get_by_label("Documents to import").set_input_files(str(upload))
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("informe-iin.docx: activity report")

    page.get_by_role("link", name="informe-iin.docx").click()
    first = page.locator("#p-{}".format(Proposal.objects.order_by("position").first().pk))
    expect(first).to_contain_text("The IIN trained 70 officials in Guatemala")
    expect(first.locator("mark")).to_contain_text("The IIN trained 70 officials")
    page.get_by_role("button", name="Accept proposal 1", exact=True).click()
    page.get_by_role("button", name="Reject proposal 2", exact=True).click()

    entry = Entry.objects.get()
    assert entry.report.actor.slug == "iin"
    assert [country.code for country in entry.countries.all()] == ["GTM"]
    assert list(Proposal.objects.values_list("status", flat=True)) == ["accepted", "rejected"]
    # The provenance link opens the source text at the passage, highlighted.
    page.get_by_role("link", name="Paragraph 3 in the source text").click()
    expect(page.locator("#b-2")).to_contain_text("The IIN trained 70 officials")
    assert "from=2&to=2#b-2" in page.url
