"""Who is calling: a personal token (Authorization: Bearer fu_…) or a signed-in session."""

import pytest
from django.test import Client

from followup.accounts.models import ApiToken
from followup.accounts.services import issue_api_token, revoke_api_token
from followup.api.tests.conftest import Api, World
from followup.reporting.tests.factories import focal_point_of

pytestmark = pytest.mark.django_db


def test_a_token_acts_as_its_owner_and_records_its_use(api: Api, world: World):
    user = focal_point_of("iin")
    token, raw = issue_api_token(user, name="script")

    response = api.get(f"/api/v1/reports/{world.iin_draft.pk}/", HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_token_is_refused(api: Api, world: World):
    token, raw = issue_api_token(focal_point_of("iin"), name="old laptop")
    revoke_api_token(token)

    response = api.get("/api/v1/reports/", HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 401
    assert response.json() == {"detail": "This API token is unknown or revoked."}
    assert response["WWW-Authenticate"] == "Bearer"


def test_an_unknown_token_is_refused(api: Api):
    response = api.get("/api/v1/reports/", HTTP_AUTHORIZATION="Bearer fu_not-a-real-token")

    assert (response.status_code, response.json()) == (
        401,
        {"detail": "This API token is unknown or revoked."},
    )


@pytest.mark.parametrize("header", ["Token fu_abc", "Bearer", "Bearer   ", "fu_abc"])
def test_a_malformed_authorization_header_says_how_to_send_the_token(api: Api, header: str):
    response = api.get("/api/v1/", HTTP_AUTHORIZATION=header)

    assert (response.status_code, response.json()) == (
        401,
        {"detail": "Send the token as: Authorization: Bearer <your token>."},
    )


def test_a_session_works_for_reads(client: Client, world: World):
    client.force_login(focal_point_of("iin"))

    response = client.get(f"/api/v1/reports/{world.iin_draft.pk}/")

    assert response.status_code == 200


def test_a_session_write_needs_the_csrf_token(world: World):
    client = Client(enforce_csrf_checks=True)
    client.force_login(focal_point_of("iin"))

    response = client.post(
        f"/api/v1/reports/{world.iin_draft.pk}/submit/",
        data={"revision": 1},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF Failed: CSRF cookie not set."}


def test_a_token_write_needs_no_csrf_token(world: World):
    client = Client(enforce_csrf_checks=True)
    _token, raw = issue_api_token(focal_point_of("iin"), name="script")

    response = client.post(
        f"/api/v1/reports/{world.iin_draft.pk}/submit/",
        data={"revision": 1},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )

    assert response.status_code == 200


def test_tokens_are_stored_as_digests_only():
    token, raw = issue_api_token(focal_point_of("iin"), name="script")

    stored = ApiToken.objects.get(pk=token.pk)

    assert raw.startswith("fu_")
    assert raw not in {stored.digest, stored.prefix}
