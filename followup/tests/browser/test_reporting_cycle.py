"""The whole reporting cycle in a real browser, as the issue describes it.

The secretariat opens a cycle; the IIN focal point adds entries of each kind, attaches the
complete report and submits; the secretariat returns it with a comment; the focal point fixes
it and resubmits; it is accepted, published, and read by an anonymous visitor. Meanwhile the
CIM focal point cannot see the IIN draft.
"""

import datetime

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from followup.accounts.tests.factories import PASSWORD
from followup.reporting.models import ActorReport
from followup.reporting.tests.factories import focal_point_of, secretariat_user

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def sign_in(page: Page, username: str) -> None:
    page.goto("/en/accounts/sign-in/")
    page.get_by_label("Username", exact=True).fill(username)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name="My account")).to_be_visible()


def add_entry(page: Page, kind: str, title: str, *, another: bool) -> None:
    page.get_by_label("Kind", exact=True).select_option(label=kind)
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Narrative", exact=True).fill(
        f"{title}: what was done, for whom and with whom."
    )
    page.get_by_label("From", exact=True).fill("2027-10")
    page.get_by_label("Countries", exact=True).fill("ECU, PRY")
    page.get_by_role(
        "button", name="Save and add another" if another else "Save", exact=True
    ).click()
    expect(page.locator(".messages")).to_contain_text(f"Entry saved: “{title}”.")


@pytest.mark.usefixtures("registry")
def test_the_reporting_cycle_from_opening_to_publication(new_page, tmp_path):
    secretariat = secretariat_user()
    secretariat.set_password(PASSWORD)
    secretariat.save()
    iin = focal_point_of("iin")
    cim = focal_point_of("cim")
    for user in (iin, cim):
        user.set_password(PASSWORD)
        user.save()
    today = timezone.localdate()

    # The secretariat creates and opens the cycle.
    desk = new_page()
    sign_in(desk, secretariat.username)
    desk.goto("/en/workspace/cycles/")
    desk.get_by_label("Period", exact=True).fill("2027–2028")
    desk.get_by_label("Opens on", exact=True).fill(today.isoformat())
    desk.get_by_label("Deadline", exact=True).fill(
        (today + datetime.timedelta(days=60)).isoformat()
    )
    desk.get_by_role("button", name="Create the cycle").click()
    desk.get_by_role("button", name="Open 2027–2028").click()
    expect(desk.locator(".messages")).to_contain_text("Cycle 2027–2028 is open")
    report = ActorReport.objects.get(cycle__slug="2027-2028", actor__slug="iin")

    # The IIN focal point reports: one entry of each kind, the complete report, submit.
    focal = new_page()
    sign_in(focal, iin.username)
    focal.goto("/en/workspace/")
    focal.get_by_role("link", name="Inter-American Children's Institute").first.click()
    focal.get_by_role("link", name="Add an entry").click()
    add_entry(focal, "Carried out", "Course on migrant children", another=True)
    add_entry(focal, "Planned for the next period", "Regional protocol", another=True)
    add_entry(focal, "Best practice", "Network of technical liaisons", another=True)
    add_entry(
        focal, "New proposal for the Program", "Observatory of child migration", another=False
    )
    original = tmp_path / "Informe-IIN.pdf"
    original.write_bytes(PDF)
    focal.get_by_label("Complete original report", exact=True).set_input_files(str(original))
    focal.get_by_role("button", name="Attach the complete report").click()
    expect(focal.locator(".messages")).to_contain_text("Complete report attached")
    focal.get_by_role("button", name="Submit the report").click()
    expect(focal.locator(".messages")).to_contain_text("Report submitted")

    # Meanwhile the CIM focal point cannot see the IIN report at all.
    other = new_page()
    sign_in(other, cim.username)
    response = other.goto(f"/en/workspace/reports/{report.pk}/")
    assert response is not None
    assert response.status == 404
    expect(other.get_by_text("Course on migrant children")).to_have_count(0)

    # The secretariat returns it with a comment.
    desk.goto(f"/en/workspace/reports/{report.pk}/")
    desk.get_by_label("What needs to change", exact=True).fill(
        "Please add the number of participants."
    )
    desk.get_by_role("button", name="Return to the focal points").click()
    expect(desk.locator(".messages")).to_contain_text("Report returned")

    # The focal point reads the comment, fixes the entry and resubmits.
    focal.goto(f"/en/workspace/reports/{report.pk}/")
    expect(focal.locator("blockquote.comment")).to_contain_text("number of participants")
    focal.get_by_role("link", name="Edit Course on migrant children").click()
    focal.get_by_label("Figures", exact=True).fill("120 | officials trained")
    focal.get_by_role("button", name="Save", exact=True).click()
    expect(focal.locator(".messages")).to_contain_text("Entry saved")
    focal.get_by_role("button", name="Submit the report").click()
    expect(focal.locator(".messages")).to_contain_text("Report submitted")

    # Accepted and published.
    desk.goto(f"/en/workspace/reports/{report.pk}/")
    desk.get_by_role("button", name="Accept").click()
    expect(desk.locator(".messages")).to_contain_text("Report accepted")
    desk.get_by_role("button", name="Publish").click()
    expect(desk.locator(".messages")).to_contain_text("Report published")

    # An anonymous visitor reads it.
    visitor = new_page()
    visitor.goto("/en/reports/2027-2028/iin/")
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("Inter-American Children")
    expect(visitor.get_by_role("heading", name="Course on migrant children")).to_be_visible()
    expect(visitor.get_by_text("120 officials trained")).to_be_visible()
    report.refresh_from_db()
    assert report.status == ActorReport.Status.PUBLISHED
    assert report.entries.filter(deleted_at__isnull=True).count() == 4

    # The secretariat compiles the annual report and publishes it; the visitor downloads the
    # PDF and the Word file, and both open.
    desk.goto("/en/workspace/cycles/2027-2028/annual-report/")
    desk.get_by_label("Introduction (English)", exact=True).fill("The 2027–2028 cycle.")
    desk.get_by_role("button", name="Save the introduction").click()
    desk.get_by_role("button", name="Compile a new version").click()
    # The tests' task backend compiles as the request commits; a server's worker does it
    # moments later, and the page refreshes until the version is listed.
    expect(desk.locator(".messages")).to_contain_text("The new version is being compiled")
    desk.get_by_role("button", name="Publish version 1").click()
    expect(desk.locator(".messages")).to_contain_text("Version 1 is published")
    visitor.goto("/en/reports/2027-2028/")
    visitor.get_by_role("link", name="The annual report 2027–2028: Word, PDF and web").click()
    for fmt in ("PDF", "DOCX (Word)"):
        with visitor.expect_download() as download_info:
            visitor.get_by_role("link", name=f"Download {fmt} · English").click()
        saved = tmp_path / download_info.value.suggested_filename
        download_info.value.save_as(saved)
        if fmt == "PDF":
            assert PdfReader(saved).pages
        else:
            headings = [
                p.text for p in Document(str(saved)).paragraphs if p.style.name == "Heading 1"
            ]
            assert "1. Inter-American Children's Institute (IIN)" in headings
