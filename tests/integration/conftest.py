"""Integration tests: the sandbox on loopback, real SQLite, the kiosk's API client."""

from __future__ import annotations

import pytest

from hardware.gate.standin import StandInModule
from tests.integration.sandbox_fixtures import (  # noqa: F401  (fixtures, found by name)
    api_client,
    api_contract,
    fault_proxy,
    http,
    make_client,
    sandbox,
    sandbox_factory,
)


@pytest.fixture
def module(module: StandInModule) -> StandInModule:
    """The gate's I/O module, serving Modbus TCP on a loopback port."""
    module.serve_tcp()
    return module
