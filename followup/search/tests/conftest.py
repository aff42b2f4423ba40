"""Fixtures of the search quality tests: records written through the reporting services."""

import datetime
from collections.abc import Iterable

import pytest

from followup.accounts.models import User
from followup.program.models import Actor, PopulationGroup, ProgramVersion, Theme
from followup.reporting import services
from followup.reporting.models import ActorReport, Entry
from followup.reporting.tests.factories import secretariat_user
from followup.search.queries import SearchRequest, search


@pytest.fixture
def secretariat() -> User:
    return secretariat_user()


class Desk:
    """One open cycle in which the secretariat writes entries for any actor and publishes them,
    as the reporting pages would; tests then search what was written."""

    ACTORS = ("iachr", "cim", "iin", "mex", "gtm", "col", "usa", "can")

    def __init__(self, by: User) -> None:
        self.by = by
        self.cycle = services.create_cycle(
            label="2031–2032",
            version=ProgramVersion.objects.get(slug="2016"),
            opens_on=datetime.date(2031, 9, 1),
            deadline=datetime.date(2031, 12, 1),
            by=by,
            actors=list(Actor.objects.filter(slug__in=self.ACTORS)),
        )
        services.open_cycle(self.cycle, by=by)

    def report(self, actor: str) -> ActorReport:
        return ActorReport.objects.get(cycle=self.cycle, actor__slug=actor)

    def entry(
        self,
        actor: str,
        title: str,
        narrative: str = "",
        *,
        language: str = "en",
        starts: str = "",
        themes: Iterable[str] = (),
        groups: Iterable[str] = (),
        countries: Iterable[str] = (),
    ) -> Entry:
        values = {
            "kind": Entry.Kind.CARRIED_OUT,
            "title": title,
            "narrative": narrative,
            "language": language,
            "starts": starts,
            "themes": list(Theme.objects.filter(slug__in=themes)),
            "population_groups": list(PopulationGroup.objects.filter(slug__in=groups)),
            "countries": list(countries),
        }
        return services.save_entry(self.report(actor), values, by=self.by)

    def publish(self, actor: str) -> ActorReport:
        report = self.report(actor)
        services.submit_report(report, by=self.by)
        services.accept_report(report, by=self.by)
        services.publish_report(report, by=self.by)
        return report

    @staticmethod
    def found(text: str = "", **request: object) -> list[int]:
        """Ids of the entries a search finds, in order (up to 100)."""
        results = search(SearchRequest(text=text, per_page=100, **request))
        return [hit.object_id for hit in results.hits if hit.kind == "entry"]


@pytest.fixture
def desk(secretariat: User) -> Desk:
    return Desk(secretariat)
