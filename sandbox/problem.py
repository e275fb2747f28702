"""Answers of the sandbox's HTTP interface: JSON bodies and RFC 9457 problems."""

from __future__ import annotations

import http
from collections.abc import Mapping
from typing import Any

from werkzeug.wrappers import Response

from sandbox.wire import dump_json

JSON = "application/json"
PROBLEM_JSON = "application/problem+json"


class Problem(Exception):
    """An error answer (RFC 9457) raised anywhere in a handler.

    *extra* adds extension members (RFC 9457 section 3.2) to the body, for
    problems whose client needs more than words, e.g. the resolution that won.
    """

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.code = code
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def response(self) -> Response:
        body: dict[str, Any] = {
            **self.extra,
            "type": "about:blank",
            "title": http.HTTPStatus(self.status).phrase,
            "status": self.status,
            "detail": self.detail,
        }
        if self.code:
            body["code"] = self.code
        response = Response(dump_json(body), status=self.status, content_type=PROBLEM_JSON)
        response.headers.update(self.headers)
        response.headers["Cache-Control"] = "no-store"
        return response


def json_response(obj: Any, status: int = 200) -> Response:
    response = Response(dump_json(obj), status=status, content_type=JSON)
    response.headers["Cache-Control"] = "no-store"
    return response
