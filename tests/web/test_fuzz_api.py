"""The REST API fuzzed from its own OpenAPI description (schemathesis): whatever a client sends
within or around the schema, no answer is a server error, and none takes longer than the limit."""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

#: The slowest answer accepted from the sample store (the first timeline computes the views).
SLOWEST_S = 30.0


@pytest.mark.slow
def test_no_server_errors(server: str) -> None:
    schemathesis = pytest.importorskip("schemathesis")
    from schemathesis.checks import not_a_server_error

    schema = schemathesis.openapi.from_url(f"{server}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def check(case: Any) -> None:
            started = time.monotonic()
            case.call_and_validate(base_url=server, checks=[not_a_server_error], timeout=SLOWEST_S)
            assert time.monotonic() - started < SLOWEST_S, f"{case.method} {case.formatted_path} too slow"

        check()
