import factory

from followup.program.models import Actor, Mandate, ProgramActivity, ProgramVersion


class ActorFactory(factory.django.DjangoModelFactory[Actor]):
    class Meta:
        model = Actor

    slug = factory.Sequence(lambda n: f"actor-{n}")
    category = Actor.Category.OAS_ORGAN
    name_en = factory.Sequence(lambda n: f"Test Office {n}")
    name_es = factory.Sequence(lambda n: f"Oficina de Prueba {n}")


class MandateFactory(factory.django.DjangoModelFactory[Mandate]):
    class Meta:
        model = Mandate

    # Numbers far above real ones, so they never collide with the shipped registry.
    symbol = factory.Sequence(lambda n: f"AG/RES. {9000 + n} (XLVI-O/16)")
    title_en = "A test resolution"
    title_es = "Una resolución de prueba"

    @classmethod
    def _create(cls, model_class, *args, symbol, **kwargs):
        mandate = model_class(*args, **kwargs)
        mandate.set_symbol(symbol)
        mandate.save()
        return mandate


class ActivityFactory(factory.django.DjangoModelFactory[ProgramActivity]):
    class Meta:
        model = ProgramActivity
        skip_postgeneration_save = True

    version = factory.LazyFunction(lambda: ProgramVersion.objects.get(slug="2016"))
    code = factory.Sequence(lambda n: f"test-activity-{n}")
    actor = factory.SubFactory(ActorFactory)
    label = "z"
    order = 100
    text_en = "Do something useful for migrants."
    text_es = "Hacer algo útil para los migrantes."
