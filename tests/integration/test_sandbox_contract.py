"""docs/api.yaml itself: a sound OpenAPI 3.1 document that matches what the sandbox serves."""

from __future__ import annotations

import re
from typing import Any

import pytest
import requests
from jsonschema import Draft202012Validator

from sandbox.app import ROUTES
from tests.integration.sandbox_fixtures import API_YAML, ApiContract, new_event


def _walk(node: Any, path: str = "") -> list[tuple[str, Any]]:
    found = [(path, node)]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _walk(value, f"{path}/{index}")
    return found


def test_document_is_openapi_3_1_with_bearer_auth(api_contract: ApiContract) -> None:
    doc = api_contract.doc
    assert doc["openapi"].startswith("3.1.")
    assert doc["components"]["securitySchemes"]["deviceToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": doc["components"]["securitySchemes"]["deviceToken"]["description"],
    }
    assert doc["security"] == [{"deviceToken": []}]


def test_every_schema_is_valid_draft_2020_12(api_contract: ApiContract) -> None:
    for name, schema in api_contract.doc["components"]["schemas"].items():
        assert name
        Draft202012Validator.check_schema(schema)


def test_every_ref_resolves(api_contract: ApiContract) -> None:
    refs = [(where, node["$ref"]) for where, node in _walk(api_contract.doc) if _is_ref(node)]
    assert refs
    for where, ref in refs:
        assert ref.startswith("#/"), where
        node: Any = api_contract.doc
        for part in ref[2:].split("/"):
            assert part in node, f"{where}: {ref} does not resolve"
            node = node[part]


def _is_ref(node: Any) -> bool:
    return isinstance(node, dict) and isinstance(node.get("$ref"), str)


def test_doc_and_sandbox_routes_are_the_same(api_contract: ApiContract) -> None:
    served = {(re.sub(r"<(\w+)>", r"{\1}", path), method.lower()) for path, _, method in ROUTES}
    documented = {
        (path, method)
        for path, item in api_contract.doc["paths"].items()
        for method in item
        if method in ("get", "put", "post", "delete", "patch")
    }
    assert served == documented


def test_every_operation_documents_auth_and_server_errors(api_contract: ApiContract) -> None:
    for path, item in api_contract.doc["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            responses = operation["responses"]
            for status in ("200", "401", "500", "503"):
                assert status in responses, f"{method} {path} lacks {status}"
            if "requestBody" in operation:
                assert "413" in responses and "400" in responses, f"{method} {path}"


def test_retry_after_is_required_on_429_and_503(api_contract: ApiContract) -> None:
    responses = api_contract.doc["components"]["responses"]
    for name in ("TooManyRequests", "ServiceUnavailable"):
        assert responses[name]["headers"]["Retry-After"] == {
            "$ref": "#/components/headers/RetryAfter"
        }
        assert "application/problem+json" in responses[name]["content"]
    assert api_contract.doc["components"]["headers"]["RetryAfter"]["required"] is True


def test_batch_limit_is_500(api_contract: ApiContract) -> None:
    batch = api_contract.doc["components"]["schemas"]["EventBatch"]["properties"]["events"]
    assert (batch["minItems"], batch["maxItems"]) == (1, 500)


def test_the_kiosk_wire_events_fit_the_request_schema(api_contract: ApiContract) -> None:
    batch = {
        "events": [
            new_event(),
            new_event("check_in", decision="ask_staff", provenance="unverified", status=None),
            new_event("check_out", automatic=True),
            new_event("red_report", iin=None),
        ]
    }
    api_contract.check_request("/v1/events", "post", batch)


@pytest.mark.parametrize(
    "change",
    [
        {"type": "entry"},
        {"id": "not-a-uuid"},
        {"venue_bin": "12345"},
        {"occurred_at": "2026-11-22 03:10:00"},
        {"data": {"decision": "admit"}},
    ],
)
def test_request_schema_refuses_bad_events(
    api_contract: ApiContract, change: dict[str, Any]
) -> None:
    event = new_event() | change
    with pytest.raises(AssertionError):
        api_contract.check_request("/v1/events", "post", {"events": [event]})


def test_request_schema_refuses_501_events(api_contract: ApiContract) -> None:
    with pytest.raises(AssertionError):
        api_contract.check_request("/v1/events", "post", {"events": [new_event()] * 501})


def test_the_file_is_plain_utf8_yaml() -> None:
    text = API_YAML.read_text(encoding="utf-8")
    assert "\t" not in text
    assert text.startswith("openapi: 3.1.0\n")


def _fake_answer(method: str, path: str, status: int, body: bytes, **headers: str) -> Any:
    response = requests.Response()
    response.status_code = status
    response._content = body
    response.headers.update(headers)
    response.request = requests.Request(method, "http://127.0.0.1:9" + path).prepare()
    return response


@pytest.mark.parametrize(
    "answer",
    [
        ("GET", "/v1/keys", 200, b'{"keys": "none"}', {"Content-Type": "application/json"}),
        ("GET", "/v1/keys", 200, b'{"keys": []}', {"Content-Type": "text/plain"}),
        ("GET", "/v1/keys", 418, b"{}", {"Content-Type": "application/problem+json"}),
        (
            "GET",
            "/v1/keys",
            429,
            b'{"type": "about:blank", "title": "x", "status": 429, "detail": "x"}',
            {"Content-Type": "application/problem+json"},
        ),
        (
            "GET",
            "/v1/status/850314310249",
            200,
            b'{"iin": "850314310249", "status": "green", '
            b'"valid_until": null, "checked_at": "2026-11-22T03:10:00Z"}',
            {"Content-Type": "application/json"},
        ),
        ("GET", "/nowhere", 200, b"{}", {"Content-Type": "application/json"}),
    ],
    ids=["shape", "media-type", "undocumented-status", "no-retry-after", "time-format", "path"],
)
def test_the_checker_catches_answers_off_contract(
    api_contract: ApiContract, answer: tuple[str, str, int, bytes, dict[str, str]]
) -> None:
    method, path, status, body, headers = answer
    with pytest.raises(AssertionError):
        api_contract.check(_fake_answer(method, path, status, body, **headers))


def test_the_checker_accepts_a_good_answer(api_contract: ApiContract) -> None:
    body = (
        b'{"iin": "850314310249", "status": "green", "valid_until": null, '
        b'"checked_at": "2026-11-22T03:10:00.000Z"}'
    )
    path = "/v1/status/850314310249"
    api_contract.check(_fake_answer("GET", path, 200, body, **{"Content-Type": "application/json"}))
