"""Every workspace page and action × every role, on an IIN draft that could leak.

Expected: anonymous visitors are sent to sign in; the CIM focal point gets 404 for anything of
the IIN draft (its existence is not revealed); a reviewer sees nothing of a draft either; the
secretariat may act on it, and steps that need a submitted report are refused to all.
"""

import pytest
from django.urls import reverse

from followup.reporting.models import PlannedFollowUp
from followup.reporting.tests.factories import (
    CycleFactory,
    EntryFactory,
    ReportFactory,
    focal_point_of,
    reviewer_user,
    secretariat_user,
)

pytestmark = pytest.mark.django_db

PERSONAS = {
    "anonymous": None,
    "iin focal point": lambda: focal_point_of("iin"),
    "cim focal point": lambda: focal_point_of("cim"),
    "reviewer": reviewer_user,
    "secretariat": secretariat_user,
}


@pytest.fixture
def draft():
    report = ReportFactory()
    entry = EntryFactory(report=report, title="Confidential plan of the IIN")
    previous = ReportFactory(cycle=CycleFactory(opens_on=report.cycle.opens_on.replace(year=2020)))
    followup = PlannedFollowUp.objects.create(
        report=report, planned=EntryFactory(report=previous, kind="planned")
    )
    report.refresh_from_db()
    return report, entry, followup


# (method, url name, which object) → expected status per persona, in PERSONAS order.
CASES = [
    ("get", "reporting:workspace", None, [302, 200, 200, 200, 200]),
    ("get", "reporting:report_page", "report", [302, 200, 404, 404, 200]),
    ("get", "reporting:entry_create", "report", [302, 200, 404, 404, 200]),
    ("get", "reporting:entry_edit", "entry", [302, 200, 404, 404, 200]),
    ("post", "reporting:entry_delete", "entry", [302, 302, 404, 404, 302]),
    ("post", "reporting:entry_attach", "entry", [302, 302, 404, 404, 302]),
    ("post", "reporting:followup_update", "followup", [302, 302, 404, 404, 302]),
    ("post", "reporting:report_original", "report", [302, 302, 404, 404, 302]),
    # The secretariat may submit a report it received by other means on the actor's behalf.
    ("post", "reporting:report_submit", "report", [302, 302, 404, 404, 302]),
    # A draft cannot be returned or accepted by anyone: it has not been submitted.
    ("post", "reporting:report_return", "report", [302, 403, 404, 404, 403]),
    ("post", "reporting:report_accept", "report", [302, 403, 404, 404, 403]),
    ("post", "reporting:report_publish", "report", [302, 403, 404, 404, 403]),
    ("post", "reporting:report_reopen", "report", [302, 403, 404, 404, 403]),
    ("get", "reporting:report_history", "report", [302, 403, 404, 404, 200]),
    ("get", "reporting:original_download", "report", [404, 404, 404, 404, 404]),
    ("get", "reporting:cycle_manage", None, [302, 403, 403, 403, 200]),
]


@pytest.mark.parametrize(("method", "name", "target", "statuses"), CASES, ids=[c[1] for c in CASES])
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_workspace_permission_matrix(client, draft, persona, method, name, target, statuses):
    report, entry, followup = draft
    if PERSONAS[persona] is not None:
        client.force_login(PERSONAS[persona]())
    args = {"report": [report.pk], "entry": [entry.pk], "followup": [followup.pk], None: []}[target]

    response = getattr(client, method)(reverse(name, args=args), {"revision": report.revision})

    assert response.status_code == statuses[list(PERSONAS).index(persona)]
    if response.status_code == 404:
        assert "Confidential plan of the IIN" not in response.content.decode()


def test_every_workspace_route_is_in_the_matrix():
    from followup.reporting import urls

    workspace_routes = {
        f"reporting:{pattern.name}"
        for pattern in urls.urlpatterns
        if str(pattern.pattern).startswith(("workspace/", "files/"))
    }
    covered = {case[1] for case in CASES} | {
        "reporting:entry_restore",
        "reporting:cycle_open",
        "reporting:cycle_close",
        "reporting:attachment_download",
    }
    assert workspace_routes == covered
