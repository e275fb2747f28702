"""Control and format characters in free text: shown as escapes, kept as they came."""

from __future__ import annotations

import json
import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from kiosk.controls import escape_controls, has_controls, json_escape_controls

UNSAFE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def test_the_list_is_every_control_and_format_character_of_unicode() -> None:
    # a newer Unicode than this Python's may have assigned a few listed ones (Cn here)
    wrong = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        for category in [unicodedata.category(chr(code))]
        if (category in UNSAFE_CATEGORIES) != has_controls(chr(code)) and category != "Cn"
    ]
    assert not wrong, f"{len(wrong)} code points listed wrongly: {wrong[:10]}"


def test_a_bidi_override_and_a_c1_csi_are_shown_as_escapes() -> None:
    note = "IIN 850314\u202e9420\u202c; \x9b31m red \x1b[2J"
    assert escape_controls(note) == "IIN 850314\\u202e9420\\u202c; \\u009b31m red \\u001b[2J"
    assert escape_controls("Әсем Қ. — ok") == "Әсем Қ. — ok"
    assert escape_controls("tag \U000e0041") == "tag \\U000e0041"


@given(st.text())
def test_json_escapes_keep_every_value_and_leave_nothing_that_acts(text: str) -> None:
    plain = json.dumps({"note": text}, ensure_ascii=False)
    safe = json_escape_controls(plain)
    assert json.loads(safe) == {"note": text}
    assert not has_controls(safe)
