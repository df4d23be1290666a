"""Schemathesis against our own OpenAPI document: every operation, bounded and reproducible (issue 11).

It runs with the end-to-end tests (``make test-end-to-end``, in CI), not in ``make test``:
hundreds of generated requests are worth running once per change, not on every save.

Requests are generated from the document (valid ones, and for each parameter values
just outside its constraints), sent to the real application in-process, and every
check runs on the answers: no 500, status codes, content types and bodies as
documented, valid requests accepted and invalid ones rejected. ``derandomize`` fixes
the seed, so a failure is the same on every machine.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

EXAMPLES_PER_OPERATION = 40


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """The WSGI app closes database connections after each request; the test client does not.

    Closing would end the test's transaction (PostgreSQL: "the connection is closed").
    """
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# Read through the application itself; building the document needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v2/openapi.json", get_wsgi_application())


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.e2e
@pytest.mark.usefixtures("site")
def test_every_operation_conforms_to_the_document(case):
    case.call_and_validate()
