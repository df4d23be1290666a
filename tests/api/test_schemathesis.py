"""Schemathesis against our own OpenAPI document: every operation, bounded and reproducible (issue 11).

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
@pytest.mark.usefixtures("site")
def test_every_operation_conforms_to_the_document(case):
    case.call_and_validate()
