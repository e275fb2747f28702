"""Log lines without IINs or passes (kiosk.redact)."""

from __future__ import annotations

from kiosk.iin import is_valid_iin
from kiosk.redact import holds_iin, redact
from tests.fakes import GREEN_IIN, RED_IIN


def test_an_iin_anywhere_in_a_line_is_masked_as_screens_mask_it() -> None:
    assert is_valid_iin(GREEN_IIN)
    url = f"Max retries exceeded with url: /v1/status/{GREEN_IIN} (Caused by ...)"
    assert (
        redact(url)
        == f"Max retries exceeded with url: /v1/status/••••••••{GREEN_IIN[-4:]} (Caused by ...)"
    )
    glued = f"code 77{RED_IIN}9 read"  # an IIN inside a longer run of digits
    said = redact(glued)
    assert not any(holds_iin(run) for run in said.split())
    assert said.endswith(f"{RED_IIN[-3:]}9 read")


def test_numbers_that_are_no_iin_stay_as_they_are() -> None:
    line = "venue 201040000123 desk 1 pending 123456789012345 at 1796503925.02"
    assert not holds_iin("201040000123")
    assert redact(line) == line


def test_a_signed_pass_is_replaced_whole() -> None:
    token = "eyJhbGciOiJFZERTQSIsImtpZCI6ImsxIn0.eyJzdWIiOiI5MDAxMDEzMDAxMjMifQ.c2ln-_x"
    assert redact(f"decoded {token} from camera") == "decoded [pass] from camera"
    assert "eyJ" not in redact("header only: eyJhbGciOiJFZERTQSJ9")
