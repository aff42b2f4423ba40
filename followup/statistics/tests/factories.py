import factory
from django.utils import timezone

from followup.statistics.models import Indicator, Observation


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"IND_{n}")
    name_en = factory.Sequence(lambda n: f"Indicator {n}")
    name_es = factory.Sequence(lambda n: f"Indicador {n}")
    unit = Indicator.Unit.PERSONS
    source = "Test statistics office"


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    area = "MEX"
    year = 2020
    breakdown = ""
    value = 100.0
    updated_at = factory.LazyFunction(timezone.now)
