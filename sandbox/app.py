"""The sandbox's HTTP interface (docs/api.yaml) as a WSGI application on werkzeug routing."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from kiosk.iin import InvalidIin, mask_iin, parse_iin
from kiosk.passes import DEFAULT_LIFETIME
from kiosk.status import parse_status
from kiosk.wiretime import format_time, parse_time, time_or_none
from sandbox.db import DatabaseBusy, PersonRow, ReceivedEvent
from sandbox.devices import Device, DeviceRegistry
from sandbox.events import MAX_BATCH
from sandbox.problem import Problem, json_response
from sandbox.referral_wire import (
    already_resolved,
    other_venue,
    parse_resolution,
    parse_since,
    parse_state,
    referral_json,
    referral_key,
    refused_resolution,
    unknown_referral,
)
from sandbox.referrals import Applied
from sandbox.service import SandboxService
from sandbox.wire import BadJson, is_bin, is_text, load_json

MAX_BODY = 1 << 20  # 1 MiB: 500 events of about 2 KiB each
MAX_LISTED = 10_000
DEFAULT_LISTED = 1_000
BUSY_RETRY_AFTER = 1
MAX_PASS_LIFETIME = 86_400
_DEVICE = "ashyq.device"  # the environ key of the request's authenticated device

_log = logging.getLogger(__name__)

# (path, endpoint, method); the Rule objects are made per application, since a
# werkzeug Rule belongs to one Map.
ROUTES: tuple[tuple[str, str, str], ...] = (
    ("/v1/status/<iin>", "status", "GET"),
    ("/v1/events", "post_events", "POST"),
    ("/v1/keys", "keys", "GET"),
    ("/v1/venues/<venue_id>/occupancy", "occupancy", "GET"),
    ("/v1/venues/<venue_id>/presence/<iin>", "presence", "GET"),
    ("/v1/venues/<venue_id>/referrals", "referrals", "GET"),
    ("/v1/referrals/<referral_id>/resolution", "resolve_referral", "POST"),
    ("/v1/sandbox/people", "people", "GET"),
    ("/v1/sandbox/people/<iin>", "get_person", "GET"),
    ("/v1/sandbox/people/<iin>", "put_person", "PUT"),
    ("/v1/sandbox/passes", "issue_pass", "POST"),
    ("/v1/sandbox/events", "list_events", "GET"),
    ("/v1/sandbox/keys/rotate", "rotate_keys", "POST"),
)


class SandboxApp:
    """The WSGI application: auth, routing, bodies and answers; the work is the service's.

    *tokens* are the devices it accepts: a plain token is a desk of any venue
    (sandbox/devices.py).
    """

    def __init__(
        self,
        service: SandboxService,
        tokens: Iterable[str | Device],
        *,
        max_body: int = MAX_BODY,
    ) -> None:
        self._service = service
        self._devices = DeviceRegistry(tokens)
        self._max_body = max_body
        rules = [Rule(path, endpoint=name, methods=[method]) for path, name, method in ROUTES]
        self._map = Map(rules, merge_slashes=False)
        self._handlers: dict[str, Callable[..., Response]] = {
            name: getattr(self, f"_on_{name}") for _, name, _ in ROUTES
        }

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        request = Request(environ)
        return self.respond(request)(environ, start_response)

    def respond(self, request: Request) -> Response:
        """Answer one request; whatever goes wrong becomes a problem+json answer."""
        try:
            if request.path == "/v1" or request.path.startswith("/v1/"):
                request.environ[_DEVICE] = self._authenticate(request)
            endpoint, values = self._map.bind_to_environ(request.environ).match()
            return self._handlers[str(endpoint)](request, **values)
        except Problem as problem:
            return problem.response()
        except MethodNotAllowed as exc:
            allow = ", ".join(sorted(exc.valid_methods or ()))
            detail = f"{request.method} is not allowed here; use {allow}"
            return Problem(405, detail, headers={"Allow": allow}).response()
        except HTTPException as exc:
            status = exc.code or 500
            detail = f"no such resource: {request.path}" if status == 404 else str(exc.description)
            return Problem(status, detail).response()
        except DatabaseBusy:
            retry = {"Retry-After": str(BUSY_RETRY_AFTER)}
            return Problem(503, "the database is busy", headers=retry).response()
        except Exception:
            _log.exception("sandbox request %s %s failed", request.method, request.path)
            return Problem(500, "the sandbox failed to handle this request").response()

    def _authenticate(self, request: Request) -> Device:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        given = token.strip()
        device = self._devices.find(given)  # every token compared: timing tells nothing
        if scheme.lower() == "bearer" and given and device is not None:
            return device
        raise Problem(
            401,
            "missing or unknown device token",
            code="device_not_registered",
            headers={"WWW-Authenticate": 'Bearer realm="ashyq-sandbox"'},
        )

    def _json_body(self, request: Request) -> Any:
        length = request.content_length
        if length is not None and length > self._max_body:
            raise Problem(413, f"the body is over {self._max_body} bytes", code="body_too_large")
        stream = request.environ["wsgi.input"]
        body = stream.read(self._max_body + 1 if length is None else length)
        if len(body) > self._max_body:
            raise Problem(413, f"the body is over {self._max_body} bytes", code="body_too_large")
        try:
            return load_json(body)
        except BadJson as exc:
            raise Problem(400, str(exc), code="bad_json") from None

    def _object_body(self, request: Request) -> dict[str, Any]:
        body = self._json_body(request)
        if not isinstance(body, dict):
            raise Problem(400, "the body must be a JSON object", code="bad_body")
        return body

    # --- the national service --------------------------------------------

    def _on_status(self, request: Request, iin: str) -> Response:
        _require_iin(iin)
        known = self._service.status_of(iin)
        return json_response(
            {
                "iin": iin,
                "status": known.status.value,
                "valid_until": time_or_none(known.valid_until),
                "checked_at": format_time(self._service.now()),
            }
        )

    def _on_post_events(self, request: Request) -> Response:
        body = self._object_body(request)
        events = body.get("events")
        if not isinstance(events, list):
            raise Problem(400, "the body needs an 'events' array", code="bad_body")
        if not events:
            raise Problem(400, "the batch is empty", code="bad_body")
        if len(events) > MAX_BATCH:
            raise Problem(413, f"a batch holds at most {MAX_BATCH} events", code="batch_too_large")
        outcome = self._service.intake(events, _device(request))
        return json_response(
            {
                "accepted": outcome.accepted,
                "duplicate": outcome.duplicate,
                "rejected": [
                    {"id": r.id, "reason": r.reason, "index": r.index} for r in outcome.rejected
                ],
                "statuses": {
                    event_id: {
                        "status": known.status.value,
                        "valid_until": time_or_none(known.valid_until),
                    }
                    for event_id, known in outcome.statuses.items()
                },
                "received_at": format_time(outcome.received_at),
            }
        )

    def _on_keys(self, request: Request) -> Response:
        return json_response(self._service.jwks())

    def _on_occupancy(self, request: Request, venue_id: str) -> Response:
        _require_bin(venue_id)
        count = self._service.occupancy(venue_id)
        return json_response(
            {
                "venue": count.venue_bin,
                "inside": count.inside,
                "desks": count.desks,
                "as_of": format_time(count.as_of),
            }
        )

    def _on_presence(self, request: Request, venue_id: str, iin: str) -> Response:
        _require_bin(venue_id)
        _require_iin(iin, code="bad_iin")
        found = self._service.presence(venue_id, iin)
        stay = found.stay
        return json_response(
            {
                "venue": found.venue_bin,
                "iin_inside": stay is not None,
                "entered_at": None if stay is None else format_time(stay.entered_at),
                "entrance": None if stay is None else stay.entrance,
                "desk": None if stay is None else stay.desk,
                "check_in": None if stay is None else stay.check_in,
                "venue_inside": found.venue_inside,
                "as_of": format_time(found.as_of),
            }
        )

    def _on_referrals(self, request: Request, venue_id: str) -> Response:
        _require_bin(venue_id)
        if not _device(request).speaks_for(venue_id):
            raise other_venue()
        state = parse_state(request.args.get("state"))
        since = parse_since(request.args.get("since"))
        limit = _int_arg(request, "limit", DEFAULT_LISTED, 1, MAX_LISTED)
        found = self._service.referrals(venue_id, state, since, limit=limit)
        return json_response(
            {
                "venue": found.venue_bin,
                "as_of": format_time(found.as_of),
                "referrals": [referral_json(r) for r in found.referrals],
            }
        )

    def _on_resolve_referral(self, request: Request, referral_id: str) -> Response:
        key = referral_key(referral_id)
        resolution = parse_resolution(key, self._object_body(request), self._service.now())
        result = self._service.resolve(resolution, _device(request))
        if result.applied is Applied.UNKNOWN:
            raise unknown_referral()
        if result.applied is Applied.CONFLICT and result.referral is not None:
            raise already_resolved(result.referral)
        if result.applied.refused or result.referral is None:
            raise refused_resolution(result.applied)
        return json_response(referral_json(result.referral))

    # --- sandbox only ---------------------------------------------------------

    def _on_people(self, request: Request) -> Response:
        return json_response({"people": [self._person(p) for p in self._service.people()]})

    def _on_get_person(self, request: Request, iin: str) -> Response:
        _require_iin(iin)
        row = self._service.person(iin)
        if row is None:
            raise Problem(404, "the sandbox knows no person with this IIN", code="unknown_person")
        return json_response(self._person(row))

    def _on_put_person(self, request: Request, iin: str) -> Response:
        _require_iin(iin)
        body = self._object_body(request)
        status = parse_status(body.get("status"))
        if status is None:
            raise Problem(400, "status must be green, blue, yellow or red", code="bad_status")
        name = body.get("name")
        if name is not None and not is_text(name, high=64):
            raise Problem(400, "name must be a short text", code="bad_name")
        return json_response(self._person(self._service.set_status(iin, status, name=name)))

    def _on_issue_pass(self, request: Request) -> Response:
        body = self._object_body(request)
        iin = body.get("iin")
        if not isinstance(iin, str):
            raise Problem(400, "iin is required", code="invalid_iin")
        _require_iin(iin)
        status = None
        if body.get("status") is not None:
            status = parse_status(body["status"])
            if status is None:
                raise Problem(400, "status must be green, blue, yellow or red", code="bad_status")
        lifetime = body.get("lifetime", DEFAULT_LIFETIME)
        if (
            not isinstance(lifetime, int)
            or isinstance(lifetime, bool)
            or not 0 < lifetime <= MAX_PASS_LIFETIME
        ):
            raise Problem(400, f"lifetime is 1 to {MAX_PASS_LIFETIME} seconds", code="bad_body")
        issued_at = None
        if body.get("issued_at") is not None:
            issued_at = parse_time(body["issued_at"])
            if issued_at is None:
                raise Problem(400, "issued_at must be an RFC 3339 time", code="bad_body")
        issued = self._service.issue_pass(
            iin, status=status, lifetime=lifetime, issued_at=issued_at
        )
        return json_response(
            {
                "pass": issued.text,
                "expires_at": format_time(issued.expires_at),
                "iin": issued.iin,
                "status": issued.status.value,
                "valid_until": time_or_none(issued.valid_until),
                "kid": issued.kid,
            }
        )

    def _on_list_events(self, request: Request) -> Response:
        venue = request.args.get("venue")
        if venue is not None and not is_bin(venue):
            raise Problem(400, "venue is a BIN: 12 digits", code="bad_venue")
        after = _int_arg(request, "after", 0, 0, 2**62)
        limit = _int_arg(request, "limit", DEFAULT_LISTED, 1, MAX_LISTED)
        events = self._service.events(venue, after=after, limit=limit)
        return json_response(
            {
                "events": [_stored_event(e) for e in events],
                "next_after": events[-1].seq if events else after,
            }
        )

    def _on_rotate_keys(self, request: Request) -> Response:
        kid = self._service.rotate_keys()
        return json_response({"current": kid, **self._service.jwks()})

    def _person(self, row: PersonRow) -> dict[str, Any]:
        known = self._service.status_of(row.iin)
        return {
            "iin": row.iin,
            "name": row.name,
            "status": known.status.value,
            "valid_until": time_or_none(known.valid_until),
            "updated_at": format_time(row.updated_at),
            "demo": row.demo,
        }


def _device(request: Request) -> Device:
    device: Device = request.environ[_DEVICE]
    return device


def _require_iin(text: str, *, code: str = "invalid_iin") -> None:
    try:
        parse_iin(text)
    except InvalidIin as exc:
        raise Problem(400, f"not a valid IIN: {exc.problem.value}", code=code) from None


def _require_bin(venue_id: str) -> None:
    if not is_bin(venue_id):
        raise Problem(400, "the venue id is a BIN: 12 digits", code="bad_venue")


def _int_arg(request: Request, name: str, default: int, low: int, high: int) -> int:
    text = request.args.get(name)
    if text is None:
        return default
    if not (0 < len(text) <= 19 and text.isascii() and text.isdigit()) or not (
        low <= int(text) <= high
    ):
        raise Problem(400, f"{name} must be a whole number from {low} to {high}", code="bad_query")
    return int(text)


def _stored_event(event: ReceivedEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "id": event.id,
        "type": event.type,
        "venue_bin": event.venue_bin,
        "entrance": event.entrance,
        "desk": event.desk,
        "occurred_at": format_time(event.occurred_at),
        "received_at": format_time(event.received_at),
        "iin_masked": None if event.iin is None else mask_iin(event.iin),
        "data": event.data,
    }
