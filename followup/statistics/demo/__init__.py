"""Demo statistics, for `make run`: generated indicators for the member states (generated.py),
and the real figures the Program's documents state (corpus.py).

Loading is idempotent: an indicator, a generated series, the correction and a real figure are
each written once. Observations are written with bulk_create, as an import writes them.
"""

from dataclasses import dataclass

from django.db import transaction

from followup.accounts.models import User
from followup.statistics.demo import corpus, generated
from followup.statistics.models import Observation


@dataclass(frozen=True)
class StatisticsDemo:
    indicators: int
    illustrative: int
    observations: int
    real_figures: int
    with_document: int

    def summary(self) -> str:
        return (
            f"Statistics: {self.indicators} indicators ({self.illustrative} illustrative), "
            f"{self.observations} observations; {self.real_figures} figures from the corpus "
            f"({self.with_document} linked to their imported document)."
        )


@transaction.atomic
def load_statistics_demo(*, by: User) -> StatisticsDemo:
    illustrative = generated.save_indicators()
    real = corpus.save_indicators()
    generated.generate(illustrative)
    generated.revise(by)
    corpus.load_figures(real)
    figures = Observation.objects.filter(indicator__in=real.values())
    return StatisticsDemo(
        indicators=len(illustrative) + len(real),
        illustrative=len(illustrative),
        observations=Observation.objects.filter(
            indicator__in=[*illustrative.values(), *real.values()]
        ).count(),
        real_figures=figures.count(),
        with_document=figures.filter(source_document__isnull=False).count(),
    )
