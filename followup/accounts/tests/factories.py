import factory
from django.contrib.auth.models import Group

from followup.accounts.models import Membership, User
from followup.accounts.roles import FOCAL_POINT, REVIEWER, SECRETARIAT
from followup.program.models import Actor

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)


def member_of(role: str, *actor_slugs: str, **fields) -> User:
    """A user in the role's group, focal point of the actors named by slug."""
    user: User = UserFactory.create(**fields)
    user.groups.add(Group.objects.get(name=role))
    for actor in Actor.objects.filter(slug__in=actor_slugs):
        Membership.objects.create(user=user, actor=actor)
    return user


def secretariat() -> User:
    return member_of(SECRETARIAT, is_staff=True, first_name="Ana", last_name="Secretaria")


def focal_point(*actor_slugs: str) -> User:
    return member_of(FOCAL_POINT, *(actor_slugs or ("iin",)))


def reviewer() -> User:
    return member_of(REVIEWER)
