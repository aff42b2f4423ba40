"""Property-based tests of the whole API against its own OpenAPI document (schemathesis).

Schemathesis reads /api/v1/openapi.json and generates requests for every operation, valid
and invalid; whatever it sends, the API must answer without a server error. The application
is called in-process through WSGI, and the socket guard proves no request leaves the machine.
Examples are few and derandomized, so the run is quick and the same on every machine.
"""

import socket

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error

from followup.api.tests.conftest import persona
from followup.reporting.models import ActorReport

pytestmark = pytest.mark.django_db

FAST = settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


LOCAL = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any connection off this machine fails the test (the database may be local)."""
    connect = socket.socket.connect

    def local_only(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOCAL:
            raise AssertionError(f"the API tests must not use the network ({address[0]})")
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", local_only)


@pytest.fixture(autouse=True)
def shared_transaction():
    """Requests share the test's database transaction: Django would otherwise close the
    connection at the start and end of each request (its test client disconnects this too)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Loaded when the tests are collected: generating the document reads no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@schema.include(method="GET").parametrize()
@FAST
def test_get_endpoints_never_answer_a_server_error(case, world):
    cache.clear()  # keep the throttle from answering 429 to every later example

    case.call_and_validate(checks=[not_a_server_error])


@pytest.fixture
def iin_token(world):
    return persona("iin focal point").token


@schema.include(method=["POST", "PATCH", "DELETE"]).parametrize()
@FAST
def test_write_endpoints_never_answer_a_server_error(case, world, iin_token):
    """As the IIN focal point, on the IIN draft and its objects, with the report's current
    revision: most generated bodies then reach the validation and the services."""
    cache.clear()
    targets = {
        "/api/v1/entries/{id}/": world.iin_entry.pk,
        "/api/v1/followups/{id}/": world.followup.pk,
    }
    if "id" in (case.path_parameters or {}):
        case.path_parameters["id"] = targets.get(case.path, world.iin_draft.pk)
    revision = ActorReport.objects.get(pk=world.iin_draft.pk).revision
    if isinstance(case.body, dict) and "revision" in case.body:
        case.body["revision"] = revision
    if case.query and "revision" in case.query:
        case.query["revision"] = revision

    case.call_and_validate(
        headers={"Authorization": f"Bearer {iin_token}"}, checks=[not_a_server_error]
    )
