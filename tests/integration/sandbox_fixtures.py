"""Fixtures for tests against the sandbox on loopback: servers, clients, fault proxy, contract.

Exposed to the tests of this folder by conftest.py:

- `sandbox`: a running SandboxServer on an ephemeral port with its own
  SQLite file in tmp_path, device token "demo" (a desk of any venue), and
  the doctor rooms of VENUE_BIN ("doctor-room"), OTHER_VENUE_BIN
  ("other-doctor-room") and the demo airport ("demo-doctor");
- `sandbox_factory(**options)`: more servers (other tokens, a clock, short
  channel time-out); all stopped after the test;
- `http`: raw HTTP to `sandbox` (`http.get("/v1/keys")`), every answer
  checked against docs/api.yaml;
- `api_client`: a kiosk ApiClient on `sandbox`, answers contract-checked too;
- `make_client(url, ...)`: more ApiClients (through a proxy, other tokens);
- `fault_proxy`: a FaultProxy in front of `sandbox`;
- `api_contract`: the docs/api.yaml checker.

Helpers: `new_event(...)` builds a wire event, `referral_opened(...)` and
`referral_resolved(...)` the two referral events, `wait_until(...)` polls,
`tests.fakes.FakeClock` is the clock to hand to `sandbox_factory(clock=...)`.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
import requests
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from kiosk.iin import mask_iin
from kiosk.service.api import ApiClient
from kiosk.status import Status
from kiosk.wiretime import format_time
from sandbox.devices import DEMO_DOCTOR, Device, DeviceRole
from sandbox.people import demo_person
from sandbox.server import SandboxServer
from tests.integration.faultproxy import FaultProxy

REPO = Path(__file__).resolve().parents[2]
API_YAML = REPO / "docs" / "api.yaml"
TOKEN = "demo"
VENUE_BIN = "201040000123"
OTHER_VENUE_BIN = "190940011234"
DOCTOR_TOKEN = "doctor-room"  # VENUE_BIN's doctor room
OTHER_DOCTOR_TOKEN = "other-doctor-room"  # OTHER_VENUE_BIN's
DEVICES = (
    TOKEN,
    Device(DOCTOR_TOKEN, DeviceRole.DOCTOR, VENUE_BIN),
    Device(OTHER_DOCTOR_TOKEN, DeviceRole.DOCTOR, OTHER_VENUE_BIN),
    DEMO_DOCTOR,
)
DEMO_IIN = {s.value: demo_person(s).iin for s in Status}  # the first demo person of each status
_DOC_URI = "urn:ashyq-kiosk:api"


def wait_until(predicate: Callable[[], object], timeout: float = 5.0) -> None:
    """Poll *predicate* until it is true; fail after *timeout* seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(0.01)


def new_event(
    type: str = "check_in",
    *,
    iin: str | None = DEMO_IIN["green"],
    venue_bin: str = VENUE_BIN,
    entrance: str = "main",
    desk: str = "1",
    occurred_at: float | None = None,
    decision: str = "admit",
    **data: Any,
) -> dict[str, Any]:
    """A valid wire event; check-ins get the data fields the contract requires."""
    if type == "check_in":
        data = {"decision": decision, "status": "green", "provenance": "live", **data}
        data.setdefault("method", "camera")
    return {
        "id": str(uuid.uuid4()),
        "type": type,
        "venue_bin": venue_bin,
        "entrance": entrance,
        "desk": desk,
        "occurred_at": format_time(time.time() if occurred_at is None else occurred_at),
        "iin": iin,
        "data": data,
    }


def referral_opened(
    referral_id: str | None = None,
    *,
    iin: str | None = DEMO_IIN["yellow"],
    entrance: str = "boarding",
    desk: str = "gate-3",
    occurred_at: float | None = None,
    **data: Any,
) -> dict[str, Any]:
    """A boarding desk's `referral_opened` event (a new referral id unless given)."""
    data = {
        "referral_id": referral_id or str(uuid.uuid4()),
        "ticket": "D-042",
        "status_shown": "yellow",
        "provenance": "pass",
        "reason": "yellow",
        "masked_id": mask_iin(iin or DEMO_IIN["yellow"]),
        **data,
    }
    return new_event(
        "referral_opened",
        iin=iin,
        entrance=entrance,
        desk=desk,
        occurred_at=occurred_at,
        **data,
    )


def referral_resolved(
    referral_id: str,
    outcome: str = "cleared",
    *,
    note: str = "PCR negative, status corrected",
    entrance: str = "medical",
    desk: str = "doctor",
    occurred_at: float | None = None,
    **data: Any,
) -> dict[str, Any]:
    """The doctor's kiosk's `referral_resolved` event (no IIN: the doctor needs none)."""
    data = {"referral_id": referral_id, "outcome": outcome, "note": note, **data}
    return new_event(
        "referral_resolved",
        iin=None,
        entrance=entrance,
        desk=desk,
        occurred_at=occurred_at,
        **data,
    )


class ApiContract:
    """Checks HTTP answers (and request bodies) against docs/api.yaml."""

    def __init__(self, path: Path = API_YAML) -> None:
        self.doc: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(self.doc, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(_DOC_URI, resource)
        self._paths = [(_template(p), p) for p in self.doc["paths"]]

    def path_for(self, path: str) -> str | None:
        """The doc's path template that *path* matches, if any."""
        parts = path.split("/")
        for template_parts, template in self._paths:
            if len(parts) == len(template_parts) and all(
                (t.startswith("{") and p != "") or t == p
                for t, p in zip(template_parts, parts, strict=True)
            ):
                return template
        return None

    def check(self, response: requests.Response) -> None:
        """Assert *response* is one the doc allows for its request; raise AssertionError."""
        request = response.request
        assert request.method is not None and request.url is not None
        method, path = request.method.lower(), urlsplit(request.url).path
        status = str(response.status_code)
        template = self.path_for(path)
        where = f"{method.upper()} {path} -> {status}"
        if template is None or method not in self.doc["paths"][template]:
            fallback = {"401": "Unauthorized", "404": "NotFound", "405": "MethodNotAllowed"}
            expected = "404" if template is None else "405"
            assert status in ("401", expected), f"{where}: expected {expected}"
            pointer = f"/components/responses/{fallback[status]}"
        else:
            responses = self.doc["paths"][template][method]["responses"]
            assert status in responses, f"{where}: status not in the contract"
            pointer = f"/paths/{_escape(template)}/{method}/responses/{status}"
        pointer, spec = self._deref(pointer)
        for name, header in spec.get("headers", {}).items():
            _, header = self._deref(header["$ref"][1:]) if "$ref" in header else (None, header)
            if header.get("required"):
                assert name in response.headers, f"{where}: header {name} missing"
        media = response.headers.get("Content-Type", "").split(";")[0].strip()
        assert media in spec.get("content", {}), f"{where}: content type {media!r}"
        self.validate(f"{pointer}/content/{_escape(media)}/schema", response.json(), where)

    def check_request(self, template: str, method: str, body: Any) -> None:
        """Assert *body* fits the doc's request schema of an operation."""
        pointer = f"/paths/{_escape(template)}/{method.lower()}/requestBody/content/"
        self.validate(pointer + "application~1json/schema", body, f"request {template}")

    def validate(self, pointer: str, instance: Any, where: str = "") -> None:
        validator = Draft202012Validator(
            {"$ref": f"{_DOC_URI}#{quote(pointer, safe='/~')}"}, registry=self._registry
        )
        errors = sorted(validator.iter_errors(instance), key=str)
        assert not errors, f"{where}: {errors[0].message} at {list(errors[0].absolute_path)}"

    def _deref(self, pointer: str) -> tuple[str, dict[str, Any]]:
        """Follow OpenAPI-level $refs (responses, headers); returns (pointer, object)."""
        node: Any = self.doc
        for part in pointer.strip("/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        if "$ref" in node:
            return self._deref(node["$ref"][1:])
        return pointer, node


def _template(path: str) -> list[str]:
    return path.split("/")


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


class SandboxHttp:
    """Raw HTTP to one sandbox, relative paths, the device token unless told otherwise."""

    def __init__(self, base_url: str, session: requests.Session) -> None:
        self.base_url = base_url
        self.session = session

    def request(
        self, method: str, path: str, *, token: str | None = TOKEN, **kw: Any
    ) -> requests.Response:
        headers = dict(kw.pop("headers", {}))
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        kw.setdefault("timeout", (2.0, 10.0))
        return self.session.request(method, self.base_url + path, headers=headers, **kw)

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.request("GET", path, **kw)

    def post(self, path: str, **kw: Any) -> requests.Response:
        return self.request("POST", path, **kw)

    def put(self, path: str, **kw: Any) -> requests.Response:
        return self.request("PUT", path, **kw)


def checked_session(contract: ApiContract | None) -> requests.Session:
    """A session that ignores proxy settings and checks every answer against the doc."""
    session = requests.Session()
    session.trust_env = False  # loopback only, whatever HTTP_PROXY says
    if contract is not None:

        def check(response: requests.Response, *args: object, **kwargs: object) -> None:
            contract.check(response)

        session.hooks["response"].append(check)
    return session


@pytest.fixture(scope="session")
def api_contract() -> ApiContract:
    return ApiContract()


@pytest.fixture
def sandbox_factory(tmp_path: Path) -> Iterator[Callable[..., SandboxServer]]:
    """Start sandboxes: `sandbox_factory(db_path=..., tokens=..., channel_timeout=...)`;
    the devices are DEVICES unless *tokens* says otherwise."""
    servers: list[SandboxServer] = []

    def start(**options: Any) -> SandboxServer:
        db_path = options.pop("db_path", tmp_path / f"sandbox-{len(servers)}.sqlite3")
        options.setdefault("tokens", DEVICES)
        server = SandboxServer(db_path, "127.0.0.1", **options)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()
    wait_until(lambda: not any(s.running for s in servers), timeout=5)
    wait_until(lambda: not _sandbox_threads(), timeout=5)


def _sandbox_threads() -> list[threading.Thread]:
    names = ("sandbox-http", "waitress-")
    return [t for t in threading.enumerate() if t.name.startswith(names)]


@pytest.fixture
def sandbox(sandbox_factory: Callable[..., SandboxServer]) -> SandboxServer:
    return sandbox_factory()


@pytest.fixture
def http(sandbox: SandboxServer, api_contract: ApiContract) -> Iterator[SandboxHttp]:
    session = checked_session(api_contract)
    yield SandboxHttp(sandbox.url, session)
    session.close()


@pytest.fixture
def api_client(sandbox: SandboxServer, api_contract: ApiContract) -> Iterator[ApiClient]:
    session = checked_session(api_contract)
    yield ApiClient(sandbox.url, TOKEN, session=session)
    session.close()


@pytest.fixture
def make_client() -> Iterator[Callable[..., ApiClient]]:
    """`make_client(url, token="demo", **ApiClient options)`: clients closed after the test."""
    sessions: list[requests.Session] = []

    def make(url: str, token: str = TOKEN, **options: Any) -> ApiClient:
        session = checked_session(None)
        sessions.append(session)
        return ApiClient(url, token, session=session, **options)

    yield make
    for session in sessions:
        session.close()


@pytest.fixture
def fault_proxy(sandbox: SandboxServer) -> Iterator[FaultProxy]:
    proxy = FaultProxy(sandbox.url).start()
    yield proxy
    proxy.stop()
