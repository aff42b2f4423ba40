"""A visitor searches from the header, narrows by a facet and removes a widened concept."""

import re

import pytest
from playwright.sync_api import expect


@pytest.mark.usefixtures("registry")
def test_a_visitor_searches_narrows_and_removes_a_concept(new_page):
    page = new_page()
    page.goto("/en/")

    page.get_by_label("Search the site").fill("trata de personas")
    page.get_by_label("Search the site").press("Enter")

    # The Spanish words found English Program activities through the trafficking theme.
    expect(page.locator(".chip-row").first).to_contain_text("Trafficking in persons")
    hits = page.locator("li.hit")
    expect(hits.first).to_be_visible()
    expect(page.locator("li.hit mark").first).to_be_visible()
    total = hits.count()

    page.locator(".facet a.facet-value", has_text="Mandate").first.click()
    expect(page.locator(".filters-chosen")).to_contain_text("Mandate")
    expect(page).to_have_url(re.compile(r"kind=mandate"))
    assert 0 < hits.count() <= total

    page.locator(".filters-chosen .chip-remove").click()
    page.locator(".chip-remove").first.click()
    expect(page.locator(".chip-removed")).to_contain_text("Trafficking in persons")
    expect(page.get_by_role("heading", level=2, name=re.compile(r"\d+ results?"))).to_be_visible()
