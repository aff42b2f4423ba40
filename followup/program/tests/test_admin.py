"""The back office: who may enter, and that every change lands in the browsable history."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from followup.accounts.models import User
from followup.accounts.roles import SECRETARIAT
from followup.accounts.tests.factories import UserFactory
from followup.program.models import Actor, Mandate

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat():
    user: User = UserFactory.create(is_staff=True)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return user


@pytest.fixture
def staff_without_role():
    return UserFactory(is_staff=True)


@pytest.fixture
def member_of_public():
    return UserFactory()


@pytest.fixture
def superuser():
    return UserFactory(is_staff=True, is_superuser=True)


# Persona × page → expected status. Public pages are open to all; the back office and its
# history only to the secretariat (and superusers); others are sent to sign in or refused.
PAGES = {
    "home": lambda: "/en/",
    "version": lambda: "/en/programs/2016/",
    "actor": lambda: "/en/actors/iachr/",
    "mandate": lambda: Mandate.objects.get(symbol="AG/RES. 2883 (XLVI-O/16)").get_absolute_url(),
    "admin index": lambda: reverse("admin:index"),
    "admin actors": lambda: reverse("admin:program_actor_changelist"),
    "admin actor history": lambda: reverse(
        "admin:program_actor_history", args=[Actor.objects.get(slug="iachr").pk]
    ),
    "registry history": lambda: reverse("registry_history"),
}
PUBLIC_PAGES = {"home", "version", "actor", "mandate"}
BACK_OFFICE = {
    "anonymous": {"admin index": 302, "admin actors": 302, "admin actor history": 302,
                  "registry history": 302},
    "member_of_public": {"admin index": 302, "admin actors": 302, "admin actor history": 302,
                         "registry history": 302},
    "staff_without_role": {"admin index": 200, "admin actors": 403, "admin actor history": 403,
                           "registry history": 403},
    "secretariat": {"admin index": 200, "admin actors": 200, "admin actor history": 200,
                    "registry history": 200},
    "superuser": {"admin index": 200, "admin actors": 200, "admin actor history": 200,
                  "registry history": 200},
}  # fmt: skip
EXPECTED = {
    persona: {page: 200 if page in PUBLIC_PAGES else statuses[page] for page in PAGES}
    for persona, statuses in BACK_OFFICE.items()
}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
@pytest.mark.parametrize("page", sorted(PAGES))
def test_permission_matrix(client, request, persona, page):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))

    response = client.get(PAGES[page]())

    assert response.status_code == EXPECTED[persona][page]


def test_matrix_covers_every_page():
    assert all(set(row) | PUBLIC_PAGES == set(PAGES) for row in BACK_OFFICE.values())


def test_secretariat_edit_is_recorded_with_who_and_what(client, secretariat):
    client.force_login(secretariat)
    cim = Actor.objects.get(slug="cim")
    change_url = reverse("admin:program_actor_change", args=[cim.pk])
    form = client.get(change_url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(description_en="Reports on migrant women every year.", parent="")

    response = client.post(change_url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    record = cim.history.first()
    assert record.history_user == secretariat
    assert record.history_type == "~"
    delta = record.diff_against(record.prev_record)
    assert [change.field for change in delta.changes] == ["description_en"]
    assert delta.changes[0].new == "Reports on migrant women every year."


def test_registry_history_shows_the_change_with_a_field_diff(client, secretariat):
    cim = Actor.objects.get(slug="cim")
    cim.description_en = "A new description."
    cim._history_user = secretariat  # simple-history reads it
    cim.save()
    client.force_login(secretariat)

    response = client.get(reverse("registry_history"))

    change = response.context["changes"][0]
    assert (change.model, change.kind, change.who) == ("actor", "Changed", secretariat.username)
    assert [field.field for field in change.fields] == ["description (English)"]
    assert change.fields[0].new == "A new description."
    assert "A new description." in response.content.decode()


def test_registry_history_shows_loader_changes_with_their_reason(client, superuser):
    client.force_login(superuser)

    last_page = client.get(reverse("registry_history")).context["page_obj"].paginator.num_pages

    response = client.get(reverse("registry_history"), {"page": last_page})

    change = response.context["changes"][-1]
    assert change.kind == "Created"
    assert change.reason == "followup load-program"
    assert change.who == "system"


def test_registry_history_query_count_is_bounded(client, superuser, django_assert_max_num_queries):
    client.force_login(superuser)
    for actor in Actor.objects.all()[:60]:
        actor.description_en += " (edited)"
        actor.save()

    with django_assert_max_num_queries(40):
        response = client.get(reverse("registry_history"))

    assert len(response.context["changes"]) == 50


def test_admin_mandate_form_stores_canonical_symbol(client, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:program_mandate_add"),
        {
            "symbol": "ag/res 2908 (xlvii-or/17)",
            "title_en": "Advancing Hemispheric Initiatives on Integral Development",
            "title_es": "Impulsando iniciativas hemisféricas en materia de desarrollo integral",
            "paragraphs-TOTAL_FORMS": "0",
            "paragraphs-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    mandate = Mandate.objects.get(number=2908)
    assert (mandate.symbol, mandate.slug, mandate.year) == (
        "AG/RES. 2908 (XLVII-O/17)",
        "ag-res-2908-xlvii-o-17",
        2017,
    )


def test_admin_mandate_form_refuses_a_malformed_symbol_and_keeps_the_input(client, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:program_mandate_add"),
        {
            "symbol": "AG/RES. 2908 (XLVII-O/18)",
            "title_en": "Kept title",
            "title_es": "Título conservado",
            "paragraphs-TOTAL_FORMS": "0",
            "paragraphs-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["symbol"] == [
        "The General Assembly's regular session XLVII was held in 2017, not 2018."
    ]
    assert 'value="Kept title"' in response.content.decode()


def test_admin_refuses_a_member_state_without_iso_code(client, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:program_actor_add"),
        {
            "slug": "atlantis",
            "category": "member_state",
            "name_en": "Atlantis",
            "name_es": "Atlántida",
        },
    )

    assert response.status_code == 200
    assert "A member state needs its three-letter ISO code; other actors have none." in (
        response.content.decode()
    )
    assert not Actor.objects.filter(slug="atlantis").exists()


def test_a_past_version_can_be_read_but_not_restored(client, superuser):
    client.force_login(superuser)
    cim = Actor.objects.get(slug="cim")
    cim.description_en = "First wording."
    cim.save()
    first = cim.history.first()
    cim.description_en = "Second wording."
    cim.save()
    url = reverse("admin:program_actor_simple_history", args=[cim.pk, first.history_id])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(parent="")

    read = client.get(url)
    restore = client.post(url, data)

    assert read.status_code == 200
    assert "Revert" not in read.content.decode()
    assert restore.status_code == 403
    cim.refresh_from_db()
    assert cim.description_en == "Second wording."
