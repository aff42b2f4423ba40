"""Demo recommendations and their follow-up, for `make run`.

The recommendations are the real ones of the high-level forum on irregular migration flows
(corpus 003) and the calendar is the CAM's 2016–2017 work plan (corpus 004), both read through
the importer and accepted as the secretariat would, when `../shared/corpus` is present (or
FOLLOWUP_CORPUS names the folder). Elsewhere a few generated recommendations stand in, and say
so in their text.

The follow-up statuses are illustrative: no state reported them. Each narrative says so, and
the levels are drawn from a fixed seed so every demo database tells the same story: a past
cycle with published statuses for a dozen states, an open cycle with some published, some
submitted for review and Costa Rica's drafts for its demo focal point to finish.

Loading is idempotent: a document already imported is not imported again, and follow-ups are
created only where none exists for that recommendation, addressee and cycle.
"""

import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from followup.accounts.models import User
from followup.ingest import review
from followup.ingest.models import Proposal
from followup.ingest.services import ingest_path
from followup.program.models import Actor
from followup.recommendations import services
from followup.recommendations.addressees import is_addressed_to
from followup.recommendations.models import FollowUp, Recommendation, Source
from followup.reporting.models import ReportingCycle
from followup.search.analysis import STOPWORDS, words
from followup.search.concepts import concept_table

FORUM_FILE = "003_077a9d78ab09ac6c.txt"
WORK_PLAN_FILE = "004_19bb457573eb20b7.txt"
# Mandates first: calendar rows refer to them.
KINDS_IN_ORDER = (Proposal.Kind.MANDATE, Proposal.Kind.CALENDAR_ROW, Proposal.Kind.RECOMMENDATION)

PAST_STATES = ("cri", "mex", "col", "arg", "bra", "can", "chl", "ecu", "gtm", "pan", "per", "usa")
OPEN_STATES = ("cri", "mex", "col", "gtm", "pan", "ecu")
# Illustrative spread of levels, from most to least common in the past cycle.
PAST_LEVELS = ("pending", "partial", "substantial-partial", "total", "non-compliance")
PAST_WEIGHTS = (30, 30, 15, 15, 10)
ILLUSTRATIVE = "Illustrative demo record: no state reported this status."

GENERATED = (
    ("Panel 1", "Generated demo recommendation: publish migration procedures in plain language."),
    ("Panel 1", "Generated demo recommendation: train border officials on protection needs."),
    ("Panel 2", "Generated demo recommendation: share data on regular migration channels."),
)


@dataclass
class RecommendationsDemo:
    imported: list[str] = field(default_factory=list)
    recommendations: int = 0
    follow_ups: int = 0
    refused: list[str] = field(default_factory=list)

    def summary(self) -> str:
        files = ", ".join(self.imported) or "none (corpus absent: generated recommendations)"
        return (
            f"Recommendations: {self.recommendations}; follow-ups created: {self.follow_ups}; "
            f"documents imported: {files}."
        )


def corpus_folder() -> Path:
    return Path(
        os.environ.get("FOLLOWUP_CORPUS", str(settings.BASE_DIR.parent / "shared" / "corpus"))
    )


def _import(path: Path, by: User, result: RecommendationsDemo) -> None:
    outcome = ingest_path(path, by=by)
    if outcome.document is None or not outcome.created:
        return  # imported before: its proposals are the secretariat's to review
    result.imported.append(path.name)
    pending = outcome.document.proposals.filter(status=Proposal.Status.PENDING)
    for kind in KINDS_IN_ORDER:
        for proposal in pending.filter(kind=kind).order_by("position", "pk"):
            try:
                review.accept(proposal, by=by)
            except (review.ReviewError, ValidationError) as error:
                result.refused.append(f"{path.name}: {error}")


def _tag_from_vocabularies(by: User) -> None:
    """Themes and population groups named in each untagged recommendation's text, found with
    the search's vocabulary (labels and keywords in both languages), as a reviewer would."""
    table = concept_table()
    for recommendation in Recommendation.objects.filter(themes=None, population_groups=None):
        found = table.find([w for w in words(recommendation.text) if w not in STOPWORDS])
        values: dict[str, set[int]] = {"theme": set(), "group": set()}
        for match in found:
            if match.concept.facet in values:
                values[match.concept.facet].add(int(match.concept.value))
        if values["theme"] or values["group"]:
            services.save_recommendation(
                recommendation,
                {"themes": sorted(values["theme"]), "population_groups": sorted(values["group"])},
                by=by,
            )


def _generated(by: User) -> None:
    source, _created = Source.objects.get_or_create(
        title="Generated demo source of recommendations",
        defaults={"kind": Source.Kind.FORUM, "date": "2017"},
    )
    if source.recommendations.exists():
        return
    for number, (group, text) in enumerate(GENERATED, start=1):
        services.create_recommendation(
            {
                "source": source,
                "group": group,
                "number": number,
                "text": text,
                "all_member_states": True,
            },
            by=by,
        )


def _follow_up(
    recommendation: Recommendation,
    state: Actor,
    cycle: ReportingCycle,
    level_code: str,
    *,
    by: User,
    until: FollowUp.Status,
) -> bool:
    if FollowUp.objects.filter(
        recommendation=recommendation, addressee=state, cycle=cycle
    ).exists():
        return False
    follow_up = services.open_follow_up(recommendation, state, cycle, by=by)
    level = follow_up.scale.levels.get(code=level_code)
    services.save_follow_up(
        follow_up,
        {
            "level": level,
            "responsible_institution": f"Migration authority of {state.name_en}",
            "narrative": ILLUSTRATIVE,
        },
        by=by,
    )
    if until != FollowUp.Status.DRAFT:
        services.submit_follow_up(follow_up, by=by)
    if until == FollowUp.Status.PUBLISHED:
        services.publish_follow_up(follow_up, by=by)
    return True


def _load_follow_ups(by: User, result: RecommendationsDemo) -> None:
    cycles = list(ReportingCycle.objects.order_by("opens_on"))
    if not cycles:
        return
    recommendations = list(Recommendation.objects.filter(all_member_states=True))
    states = {actor.slug: actor for actor in Actor.objects.filter(slug__in=PAST_STATES)}
    draw = random.Random(2017)  # noqa: S311  # illustrative data, not security
    past, current = cycles[0], cycles[-1]
    for recommendation in recommendations:
        for slug in PAST_STATES:
            state = states[slug]
            if not is_addressed_to(recommendation, state):
                continue
            level = draw.choices(PAST_LEVELS, PAST_WEIGHTS)[0]
            result.follow_ups += _follow_up(
                recommendation, state, past, level, by=by, until=FollowUp.Status.PUBLISHED
            )
    if current == past:
        return
    for index, recommendation in enumerate(recommendations):
        for slug in OPEN_STATES:
            state = states[slug]
            if not is_addressed_to(recommendation, state) or draw.random() < 0.5:
                continue  # not answered yet: the unanswered list has something to show
            level = draw.choice(("partial", "substantial-partial", "total"))
            # Costa Rica's own answers stay drafts for its demo focal point to finish; every
            # third answer of the others waits in the secretariat's review queue.
            if slug == "cri":
                until = FollowUp.Status.DRAFT
            elif index % 3 == 0:
                until = FollowUp.Status.SUBMITTED
            else:
                until = FollowUp.Status.PUBLISHED
            result.follow_ups += _follow_up(
                recommendation, state, current, level, by=by, until=until
            )


@transaction.atomic
def load_recommendations_demo(*, by: User) -> RecommendationsDemo:
    """Import the forum's recommendations and the work plan, then illustrative follow-up."""
    result = RecommendationsDemo()
    folder = corpus_folder()
    for name in (WORK_PLAN_FILE, FORUM_FILE):
        if (folder / name).is_file():
            _import(folder / name, by, result)
    if not Recommendation.objects.exists():
        _generated(by)
    _tag_from_vocabularies(by)
    _load_follow_ups(by, result)
    result.recommendations = Recommendation.objects.count()
    return result
