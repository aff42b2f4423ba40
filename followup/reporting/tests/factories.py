import datetime

import factory
from django.contrib.auth.models import Group

from followup.accounts.models import Membership, User
from followup.accounts.roles import FOCAL_POINT, REVIEWER, SECRETARIAT
from followup.accounts.tests.factories import UserFactory
from followup.program.models import Actor, ProgramVersion
from followup.reporting.models import ActorReport, Entry, ReportingCycle


def user_with_role(role: str, *actors: Actor, **fields) -> User:
    user: User = UserFactory.create(**fields)
    user.groups.add(Group.objects.get(name=role))
    for actor in actors:
        Membership.objects.create(user=user, actor=actor)
    return user


def secretariat_user() -> User:
    return user_with_role(SECRETARIAT, is_staff=True)


def focal_point_of(*slugs: str) -> User:
    return user_with_role(FOCAL_POINT, *Actor.objects.filter(slug__in=slugs))


def reviewer_user() -> User:
    return user_with_role(REVIEWER)


class CycleFactory(factory.django.DjangoModelFactory[ReportingCycle]):
    class Meta:
        model = ReportingCycle

    label = factory.Sequence(lambda n: f"{2030 + n}–{2031 + n}")
    slug = factory.Sequence(lambda n: f"{2030 + n}-{2031 + n}")
    version = factory.LazyFunction(lambda: ProgramVersion.objects.get(slug="2016"))
    opens_on = factory.Sequence(lambda n: datetime.date(2030 + n, 1, 1))
    deadline = factory.LazyAttribute(lambda cycle: cycle.opens_on + datetime.timedelta(days=90))
    status = ReportingCycle.Status.OPEN


class ReportFactory(factory.django.DjangoModelFactory[ActorReport]):
    class Meta:
        model = ActorReport

    cycle = factory.SubFactory(CycleFactory)
    actor = factory.LazyFunction(lambda: Actor.objects.get(slug="iin"))


class EntryFactory(factory.django.DjangoModelFactory[Entry]):
    class Meta:
        model = Entry

    report = factory.SubFactory(ReportFactory)
    kind = Entry.Kind.CARRIED_OUT
    title = factory.Sequence(lambda n: f"Course on migrant children, edition {n}")
    narrative = "Officials from twelve countries took the online course."
