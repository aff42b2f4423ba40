import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from followup.program.models import Actor
from followup.reporting import permissions
from followup.reporting.models import ActorReport
from followup.reporting.tests.factories import (
    ReportFactory,
    focal_point_of,
    reviewer_user,
    secretariat_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports():
    """One IIN draft, one CIM draft, one CIM submitted and one CIM published report."""
    cim = Actor.objects.get(slug="cim")
    iin_draft = ReportFactory()
    cycle = iin_draft.cycle
    other_cycles = [ReportFactory(actor=cim).cycle for _ in range(2)]
    cim_draft = ReportFactory(cycle=cycle, actor=cim)
    cim_submitted = ActorReport.objects.get(cycle=other_cycles[0], actor=cim)
    cim_submitted.status = ActorReport.Status.SUBMITTED
    cim_submitted.save()
    cim_published = ActorReport.objects.get(cycle=other_cycles[1], actor=cim)
    cim_published.status = ActorReport.Status.PUBLISHED
    cim_published.save()
    return {
        "iin draft": iin_draft,
        "cim draft": cim_draft,
        "cim submitted": cim_submitted,
        "cim published": cim_published,
    }


PERSONAS = {
    "anonymous": AnonymousUser,
    "iin focal point": lambda: focal_point_of("iin"),
    "cim focal point": lambda: focal_point_of("cim"),
    "reviewer": reviewer_user,
    "secretariat": secretariat_user,
}
VISIBLE = {
    "anonymous": {"cim published"},
    "iin focal point": {"iin draft", "cim published"},
    "cim focal point": {"cim draft", "cim submitted", "cim published"},
    "reviewer": {"cim submitted", "cim published"},
    "secretariat": {"iin draft", "cim draft", "cim submitted", "cim published"},
}


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_who_sees_which_report(reports, persona):
    user = PERSONAS[persona]()

    visible = {
        name
        for name, report in reports.items()
        if permissions.reports_visible_to(user).filter(pk=report.pk).exists()
    }

    assert visible == VISIBLE[persona]


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_hidden_reports_answer_404_like_missing_ones(reports, persona):
    user = PERSONAS[persona]()

    for name, report in reports.items():
        if name in VISIBLE[persona]:
            assert permissions.get_report_for(user, report.pk) == report
        else:
            with pytest.raises(Http404):
                permissions.get_report_for(user, report.pk)
    with pytest.raises(Http404):
        permissions.get_report_for(user, 10**9)


def test_deleted_reports_are_hidden_even_from_their_focal_points(reports):
    from django.utils import timezone

    report = reports["iin draft"]
    report.deleted_at = timezone.now()
    report.save()

    assert not permissions.reports_visible_to(focal_point_of("iin")).filter(pk=report.pk).exists()
