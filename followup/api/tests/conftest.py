"""Fixtures of the API tests: personas with their tokens, a client speaking JSON, and a world of
reports in every state that a wrong permission would leak."""

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from followup.accounts.models import User
from followup.accounts.services import issue_api_token
from followup.program.models import Actor
from followup.reporting import services
from followup.reporting.models import ActorReport, Entry, PlannedFollowUp, ReviewComment
from followup.reporting.tests.factories import (
    CycleFactory,
    EntryFactory,
    ReportFactory,
    focal_point_of,
    reviewer_user,
    secretariat_user,
)


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    """The API throttles by counting requests in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class Persona:
    name: str
    user: User | None
    token: str | None

    def headers(self) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}


def persona(name: str) -> Persona:
    makers = {
        "anonymous": lambda: None,
        "iin focal point": lambda: focal_point_of("iin"),
        "cim focal point": lambda: focal_point_of("cim"),
        "reviewer": reviewer_user,
        "secretariat": secretariat_user,
    }
    user = makers[name]()
    token = issue_api_token(user, name="tests")[1] if user else None
    return Persona(name, user, token)


PERSONAS = ["anonymous", "iin focal point", "cim focal point", "reviewer", "secretariat"]


class Api:
    """Calls the API as one persona, with JSON bodies, and reads JSON answers."""

    def __init__(self, client: Client, who: Persona | None = None) -> None:
        self.client, self.who = client, who

    def as_(self, who: Persona) -> "Api":
        return Api(self.client, who)

    def call(self, method: str, url: str, body: Any = None, **extra: Any) -> Any:
        headers = self.who.headers() if self.who else {}
        kwargs: dict[str, Any] = {**headers, **extra}
        if body is not None:
            kwargs.update(data=json.dumps(body), content_type="application/json")
        return getattr(self.client, method.lower())(url, **kwargs)

    def get(self, url: str, **extra: Any) -> Any:
        return self.call("GET", url, **extra)

    def post(self, url: str, body: Any = None, **extra: Any) -> Any:
        return self.call("POST", url, {} if body is None else body, **extra)

    def patch(self, url: str, body: Any, **extra: Any) -> Any:
        return self.call("PATCH", url, body, **extra)

    def delete(self, url: str, **extra: Any) -> Any:
        return self.call("DELETE", url, **extra)


@pytest.fixture
def api(client) -> Api:
    return Api(client)


@dataclass
class World:
    """An IIN draft with an entry and an answered follow-up of the plan in IIN's previous
    (published) report; a CIM report in each later state; a review comment on the CIM
    published report, which the public sees without its comments."""

    iin_previous: ActorReport
    iin_planned: Entry
    iin_draft: ActorReport
    iin_entry: Entry
    cim_submitted: ActorReport
    cim_submitted_entry: Entry
    cim_accepted: ActorReport
    cim_published: ActorReport
    cim_published_entry: Entry
    comment: ReviewComment

    @property
    def followup(self) -> PlannedFollowUp:
        return self.iin_draft.followups.get()

    def revision(self, report: ActorReport) -> int:
        """The report's revision as saved now."""
        return ActorReport.objects.get(pk=report.pk).revision


@pytest.fixture
def world() -> World:
    cim = Actor.objects.get(slug="cim")
    iin_previous = ReportFactory(status=ActorReport.Status.PUBLISHED)
    iin_planned = EntryFactory(
        report=iin_previous, kind=Entry.Kind.PLANNED, title="Regional course for judges"
    )
    iin_draft = ReportFactory()
    services.carry_over_planned(iin_draft)
    # Answered already, so that the draft can be submitted as it is.
    iin_draft.followups.update(outcome=PlannedFollowUp.Outcome.DONE)
    iin_entry = EntryFactory(report=iin_draft, title="IIN draft entry")
    cim_submitted = ReportFactory(
        cycle=iin_draft.cycle, actor=cim, status=ActorReport.Status.SUBMITTED
    )
    cim_submitted_entry = EntryFactory(report=cim_submitted, title="CIM submitted entry")
    cim_accepted = ReportFactory(
        cycle=CycleFactory(), actor=cim, status=ActorReport.Status.ACCEPTED
    )
    cim_published = ReportFactory(
        cycle=CycleFactory(), actor=cim, status=ActorReport.Status.PUBLISHED
    )
    cim_published_entry = EntryFactory(report=cim_published, title="CIM published entry")
    comment = ReviewComment.objects.create(
        report=cim_published, author=reviewer_user(), text="Add the figures, please."
    )
    return World(
        iin_previous,
        iin_planned,
        iin_draft,
        iin_entry,
        cim_submitted,
        cim_submitted_entry,
        cim_accepted,
        cim_published,
        cim_published_entry,
        comment,
    )
