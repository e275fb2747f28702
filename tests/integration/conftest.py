"""Integration tests: the sandbox on loopback, real SQLite, the kiosk's API client."""

from tests.integration.sandbox_fixtures import (  # noqa: F401  (fixtures, found by name)
    api_client,
    api_contract,
    fault_proxy,
    http,
    make_client,
    sandbox,
    sandbox_factory,
)
