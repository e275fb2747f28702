"""Client of the national service (docs/api.yaml): one session, explicit time-outs, typed errors.

Every failure is an `ApiError`: a `TransientError` is worth retrying later
(honour its `retry_after`), a `PermanentError` is not, and
`DeviceNotRegistered` means the device token was refused. A 2xx answer
whose body is cut off or unreadable is transient: the service may have
stored an event batch anyway, and resending is safe because intake is
idempotent by event id.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import threading
from collections.abc import Mapping, Sequence
from types import MappingProxyType, TracebackType
from typing import Any
from urllib.parse import quote, urlencode

import requests

from kiosk.service.errors import (
    DeviceNotRegistered,
    PermanentError,
    TimedOut,
    TransientError,
)
from kiosk.service.wire import (
    AlreadyResolved,
    BatchResult,
    Occupancy,
    ReferralPull,
    RemoteReferral,
    StatusAnswer,
    VenuePresence,
    as_list,
    as_object,
    as_strings,
    as_time,
    as_time_or_none,
    is_count,
    known_status_from,
    optional_text,
    referral_from,
    rejection_from,
)
from kiosk.wiretime import format_time
from shared.backoff import cap_retry_after
from shared.clock import Clock, SystemClock

DEFAULT_CONNECT_TIMEOUT = 2.0
DEFAULT_READ_TIMEOUT = 5.0
USER_AGENT = "ashyq-kiosk/0.1"


class ApiClient:
    """Calls the national service with one `requests.Session`.

    Each call has (connect, read) time-outs; TLS is verified against
    *ca_bundle* or the system's store; nothing is retried here (the caller
    decides, from the error's kind and `retry_after`). Every answer's `Date`
    header updates `clock_skew`.

    Calls may come from several worker threads at once: they share only the
    session's connection pool (thread-safe; no cookies, no adapters mounted
    after construction) and the skew estimate, which is locked.
    """

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        session: requests.Session | None = None,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        ca_bundle: str | None = None,
        clock: Clock | None = None,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._token = token
        self._owns_session = session is None
        self._session = session if session is not None else requests.Session()
        self._timeout = (connect_timeout, read_timeout)
        self._verify: str | bool = ca_bundle or True
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._skew_lock = threading.Lock()
        self._clock_skew: float | None = None

    @property
    def base_url(self) -> str:
        return self._base

    @property
    def clock_skew(self) -> float | None:
        """Server clock minus ours, in seconds, from the latest answer; None before any."""
        with self._skew_lock:
            return self._clock_skew

    def close(self) -> None:
        if self._owns_session:
            self._session.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- the calls ----------------------------------------------------------

    def get_status(self, iin: str, *, deadline: float | None = None) -> StatusAnswer:
        """Look up a person's status. *deadline* (seconds) caps this call's time-outs."""
        timeout = self._timeout_within(deadline)
        body = as_object(self._call("GET", f"/v1/status/{quote(iin, safe='')}", timeout=timeout))
        if body.get("iin") != iin:
            raise TransientError("the status answer is for another IIN")
        known = known_status_from(body)
        return StatusAnswer(iin, known.status, known.valid_until, as_time(body.get("checked_at")))

    def post_events(self, events: Sequence[Mapping[str, Any]]) -> BatchResult:
        """Upload a batch (at most 500); safe to resend after any TransientError."""
        payload = _json_body({"events": [dict(e) for e in events]}, "the events")
        body = as_object(self._call("POST", "/v1/events", data=payload))
        try:
            accepted = as_strings(body["accepted"])
            duplicate = as_strings(body["duplicate"])
            rejected = tuple(rejection_from(r) for r in as_list(body["rejected"]))
            statuses = {
                str(event_id): known_status_from(as_object(known))
                for event_id, known in as_object(body["statuses"]).items()
            }
        except KeyError as exc:
            raise TransientError(f"unexpected answer: no {exc}") from None
        received_at = as_time_or_none(body.get("received_at"))
        return BatchResult(accepted, duplicate, rejected, MappingProxyType(statuses), received_at)

    def get_keys(self, *, deadline: float | None = None) -> dict[str, Any]:
        """The pass-signing keys as a JWKS document. *deadline* caps the time-outs."""
        body = as_object(self._call("GET", "/v1/keys", timeout=self._timeout_within(deadline)))
        as_list(body.get("keys"))
        return body

    def get_occupancy(self, venue_bin: str, *, deadline: float | None = None) -> Occupancy:
        path = f"/v1/venues/{quote(venue_bin, safe='')}/occupancy"
        body = as_object(self._call("GET", path, timeout=self._timeout_within(deadline)))
        inside = body.get("inside")
        desks = as_object(body.get("desks", {}))
        if not isinstance(inside, int) or not all(is_count(n) for n in [inside, *desks.values()]):
            raise TransientError("unexpected answer: counts are not whole numbers")
        return Occupancy(
            inside=inside,
            as_of=as_time(body.get("as_of")),
            venue=str(body.get("venue", venue_bin)),
            desks=MappingProxyType({str(k): int(v) for k, v in desks.items()}),
        )

    def get_presence(
        self, venue_bin: str, iin: str, *, deadline: float | None = None
    ) -> VenuePresence:
        """Whether *iin* is inside the venue now, entered at any of its desks.

        *deadline* (seconds) caps this call's time-outs, as for `get_status`.
        """
        path = f"/v1/venues/{quote(venue_bin, safe='')}/presence/{quote(iin, safe='')}"
        body = as_object(self._call("GET", path, timeout=self._timeout_within(deadline)))
        if body.get("venue") != venue_bin:
            raise TransientError("the presence answer is for another venue")
        inside = body.get("iin_inside")
        if not isinstance(inside, bool):
            raise TransientError("unexpected answer: iin_inside is not true or false")
        count = body.get("venue_inside")
        if count is not None and not is_count(count):
            raise TransientError("unexpected answer: venue_inside is not a whole number")
        return VenuePresence(
            inside=inside,
            entered_at=as_time_or_none(body.get("entered_at")),
            entrance=optional_text(body, "entrance"),
            desk=optional_text(body, "desk"),
            check_in=optional_text(body, "check_in"),
            as_of=as_time(body.get("as_of")),
            venue_inside=count,
        )

    def list_referrals(
        self, venue_bin: str, *, state: str | None = None, since: float | None = None
    ) -> list[RemoteReferral]:
        """The venue's doctor referrals by opened_at; *state* `open`, `resolved` or `all`.

        *since* (Unix seconds) keeps those that changed at or after it; for
        incremental pulls use `pull_referrals`, whose `as_of` is the safe next
        *since*.
        """
        return list(self.pull_referrals(venue_bin, state=state, since=since).referrals)

    def pull_referrals(
        self, venue_bin: str, *, state: str | None = None, since: float | None = None
    ) -> ReferralPull:
        """`list_referrals` with the service's time of the answer (`as_of`)."""
        query = {"state": state, "since": None if since is None else format_time(since)}
        path = f"/v1/venues/{quote(venue_bin, safe='')}/referrals"
        given = {name: value for name, value in query.items() if value is not None}
        body = as_object(self._call("GET", path + ("?" + urlencode(given) if given else "")))
        if body.get("venue") != venue_bin:
            raise TransientError("the referral list is for another venue")
        referrals = tuple(referral_from(item) for item in as_list(body.get("referrals")))
        return ReferralPull(venue_bin, as_time(body.get("as_of")), referrals)

    def resolve_referral(
        self,
        referral_id: str,
        *,
        resolution_id: str,
        outcome: str,
        note: str,
        resolved_at: float | None = None,
        venue_bin: str | None = None,
        entrance: str | None = None,
        desk: str | None = None,
    ) -> RemoteReferral:
        """Send the doctor's decision; the referral as it stands after it.

        *resolution_id* is the idempotency key (the `referral_resolved` event's
        id, when the same decision also waits in the outbox): sending it again
        is safe after any TransientError. Raises `AlreadyResolved` when another
        resolution came first, and a `PermanentError` with code
        `unknown_referral` when the service holds no such referral.
        """
        optional = {
            "resolved_at": None if resolved_at is None else format_time(resolved_at),
            "venue_bin": venue_bin,
            "entrance": entrance,
            "desk": desk,
        }
        request = {"id": resolution_id, "outcome": outcome, "note": note}
        request |= {name: value for name, value in optional.items() if value is not None}
        path = f"/v1/referrals/{quote(referral_id, safe='')}/resolution"
        response = self._send("POST", path, data=_json_body(request, "the resolution"))
        if response.status_code == 409:
            raise _already_resolved(response)
        referral = referral_from(self._interpret(response))
        if referral.id.lower() != referral_id.lower() or referral.state != "resolved":
            raise TransientError("the resolution answer is not this referral, resolved")
        return referral

    # --- transport ------------------------------------------------------------

    def _timeout_within(self, deadline: float | None) -> tuple[float, float]:
        """The (connect, read) time-outs, each cut to *deadline* seconds when one is given."""
        if deadline is None:
            return self._timeout
        return (min(self._timeout[0], deadline), min(self._timeout[1], deadline))

    def _call(
        self,
        method: str,
        path: str,
        *,
        data: bytes | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> Any:
        return self._interpret(self._send(method, path, data=data, timeout=timeout))

    def _send(
        self,
        method: str,
        path: str,
        *,
        data: bytes | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> requests.Response:
        """One request; a transport failure is an ApiError, any HTTP answer is returned."""
        headers = {
            "Authorization": f"Bearer {self._token}",
            "Accept": "application/json, application/problem+json",
            "User-Agent": USER_AGENT,
        }
        if data is not None:
            headers["Content-Type"] = "application/json"
        sent_at = self._clock.now()
        try:
            # The body is read inside request() (no streaming): a cut-off body
            # raises here, not later.
            response = self._session.request(
                method,
                self._base + path,
                data=data,
                headers=headers,
                timeout=timeout or self._timeout,
                verify=self._verify,
                allow_redirects=False,
            )
        except (
            requests.exceptions.InvalidURL,
            requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema,
            requests.exceptions.InvalidHeader,
        ) as exc:
            raise PermanentError(f"bad service address or token: {exc}") from None
        except requests.exceptions.Timeout as exc:
            raise TimedOut(f"the service did not answer in time: {exc}") from None
        except requests.exceptions.SSLError as exc:
            # A TLS failure may be a captive portal or a clock far off; keep the data.
            raise TransientError(f"TLS failed: {exc}") from None
        except requests.exceptions.RequestException as exc:
            raise TransientError(f"no answer from the service: {exc}") from None
        except UnicodeError as exc:  # a token or address that HTTP headers cannot carry
            raise PermanentError(f"bad service address or token: {exc}") from None
        self._note_date(response.headers.get("Date"), sent_at, self._clock.now())
        return response

    def _interpret(self, response: requests.Response) -> Any:
        status = response.status_code
        if 200 <= status < 300:
            try:
                return json.loads(response.content)
            except (ValueError, RecursionError):
                raise TransientError(
                    f"unreadable answer (HTTP {status}, {len(response.content)} bytes)",
                    status=status,
                ) from None
        title, detail, code = _problem(response)
        words = detail or title or response.reason or ""
        if status == 401:
            raise DeviceNotRegistered(detail=detail)
        if status in (408, 429) or status >= 500:
            retry_after = parse_retry_after(
                response.headers.get("Retry-After"),
                now=self._clock.now(),
                server_date=_http_date(response.headers.get("Date")),
            )
            raise TransientError(
                f"HTTP {status}: {words}",
                retry_after=retry_after,
                status=status,
                title=title,
                detail=detail,
                code=code,
            )
        raise PermanentError(
            f"HTTP {status}: {words}", status=status, title=title, detail=detail, code=code
        )

    def _note_date(self, header: str | None, sent_at: float, received_at: float) -> None:
        server = _http_date(header)
        if server is None:
            return
        # The Date header is whole seconds, cut down: the server's time was on
        # average half a second later. Ours is the middle of the round trip.
        skew = (server + 0.5) - (sent_at + received_at) / 2
        with self._skew_lock:
            self._clock_skew = skew


# --- wire values ------------------------------------------------------------


def parse_retry_after(
    value: str | None, *, now: float, server_date: float | None = None
) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None.

    An HTTP-date is measured against the answer's own Date when there is
    one, so a wrong local clock does not stretch or cut the wait.
    """
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
        return cap_retry_after(float(text))  # digits: never NaN; too many are inf, capped
    when = _http_date(text)
    if when is None:
        return None
    base = server_date if server_date is not None else now
    return cap_retry_after(when - base)


def _http_date(value: str | None) -> float | None:
    if not value:
        return None
    try:
        stamp = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.timestamp()


def _json_body(value: object, what: str) -> bytes:
    """A request body; what JSON cannot carry (NaN, objects) is the caller's error."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError) as exc:
        raise PermanentError(f"{what} cannot be sent as JSON: {exc}") from None


def _problem(response: requests.Response) -> tuple[str | None, str | None, str | None]:
    """title, detail and code of an RFC 9457 body, when the body is one."""
    return _problem_words(_problem_body(response))


def _problem_words(body: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """title, detail and code of a parsed problem body (None where it has none)."""
    found = (body.get("title"), body.get("detail"), body.get("code"))
    title, detail, code = (v if isinstance(v, str) else None for v in found)
    return title, detail, code


def _problem_body(response: requests.Response) -> dict[str, Any]:
    """An error answer's JSON object (empty when the body is none)."""
    try:
        body = json.loads(response.content)
    except (ValueError, RecursionError):
        return {}
    return body if isinstance(body, dict) else {}


def _already_resolved(response: requests.Response) -> AlreadyResolved:
    body = _problem_body(response)
    title, detail, code = _problem_words(body)
    try:
        winner: RemoteReferral | None = referral_from(body.get("referral"))
    except TransientError:
        winner = None  # the words alone still say what happened
    words = detail or title or response.reason or "the referral is resolved already"
    return AlreadyResolved(
        f"HTTP 409: {words}",
        referral=winner,
        status=409,
        title=title,
        detail=detail,
        code=code,
    )
