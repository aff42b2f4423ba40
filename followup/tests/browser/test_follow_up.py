"""Follow-up of a recommendation in a real browser: Costa Rica's focal point answers the
recommendation addressed to all member states and submits it; the secretariat validates it from
the review queue; an anonymous visitor then reads Costa Rica's status on the public page."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from playwright.sync_api import expect

from followup.accounts.tests.factories import PASSWORD
from followup.recommendations.tests.factories import make_cycle, make_recommendation
from followup.reporting.models import ReportingCycle
from followup.reporting.tests.factories import focal_point_of, secretariat_user
from followup.tests.browser.test_reporting_cycle import sign_in

TEXT = "Implement national plans against trafficking in persons."


@pytest.fixture
def scale(registry):
    """The IACHR scale a migration ships; a transactional test starts from an emptied database."""
    import_module("followup.recommendations.migrations.0003_iachr_scale").add_scale(apps, None)


@pytest.mark.usefixtures("scale")
def test_a_state_answers_and_the_secretariat_publishes(new_page):
    cycle = make_cycle("2025–2026", datetime.date(2025, 9, 1), status=ReportingCycle.Status.OPEN)
    recommendation = make_recommendation(all_member_states=True, text=TEXT)
    focal = focal_point_of("cri")
    desk = secretariat_user()
    for user in (focal, desk):
        user.set_password(PASSWORD)
        user.save()

    page = new_page()
    sign_in(page, focal.username)
    page.goto("/en/workspace/recommendations/")
    row = page.get_by_role("row").filter(has_text="national plans against trafficking")
    row.get_by_role("button", name="Answer").click()
    page.get_by_label("Status", exact=True).select_option(label="Partial compliance")
    page.get_by_label("Responsible institution", exact=True).fill("Dirección de Migración")
    page.get_by_label("What was done", exact=True).fill("A national plan was adopted in 2025.")
    page.get_by_role("button", name="Save and submit for validation").click()
    expect(page.locator(".status").first).to_have_text("Submitted")

    secretariat = new_page()
    sign_in(secretariat, desk.username)
    secretariat.goto("/en/workspace/recommendations/review/")
    secretariat.get_by_role("row").filter(has_text="Costa Rica").get_by_role(
        "button", name="Publish"
    ).click()
    expect(secretariat.locator(".messages")).to_be_visible()

    public = new_page()
    public.goto(f"/en/recommendations/{recommendation.pk}/")
    costa_rica = public.get_by_role("row").filter(has_text="Costa Rica")
    expect(costa_rica).to_contain_text("Partial compliance")
    assert cycle.label in public.content()
