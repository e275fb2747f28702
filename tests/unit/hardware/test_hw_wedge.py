"""Keyboard-wedge scanners: bursts vs typing, and exact text under every layout.

Bursts are generated the way a scanner produces them: the text's US keys
typed through a layout table, a few milliseconds apart, then Enter.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardware.layouts import (
    KAZAKH,
    KEY_CODES,
    LAYOUT_US_KEYS,
    LAYOUTS,
    RUSSIAN,
    SCAN_CODES,
    US,
    Layout,
    char_for_key,
    code_for_scan_code,
    recover_text,
)
from hardware.wedge import KeyPress, Passthrough, Scan, WedgeDetector, WedgeSettings
from tests.unit.hardware.hw_support import JWS_PASS, iin

IIN = iin("00010150000")
PLAIN_IIN = "000101500002"  # as printed in the brief's example pass; not checksummed here
SCANNED = [JWS_PASS, IIN, PLAIN_IIN, "https://ashyq.kz/p?id=AbC-_x9&v=2#top", "Model: QR-2 (v14)"]


def burst(typed: str, start: float = 10.0, gap: float = 0.004, end: str = "\r") -> list[KeyPress]:
    keys = [KeyPress(ch, start + i * gap) for i, ch in enumerate(typed)]
    keys.append(KeyPress(end, start + len(typed) * gap))
    return keys


def feed_all(detector: WedgeDetector, keys: list[KeyPress]) -> list[Passthrough | Scan]:
    events: list[Passthrough | Scan] = []
    for key in keys:
        events.extend(detector.feed(key))
    return events


# ---------------------------------------------------------------- layout tables


def test_each_layout_puts_one_character_on_each_key_state() -> None:
    for layout in LAYOUTS.values():
        typed = layout.unshifted + layout.shifted
        assert len(typed) == 2 * len(KEY_CODES) == 94
        assert len(set(typed)) == 94, layout.name


def test_kazakh_number_row_has_no_digits() -> None:
    row = dict(zip("`1234567890-=", KAZAKH.unshifted[:13], strict=True))
    assert row == {
        "`": "(", "1": '"', "2": "ә", "3": "і", "4": "ң", "5": "ғ", "6": ",",
        "7": ".", "8": "ү", "9": "ұ", "0": "қ", "-": "ө", "=": "һ",
    }  # fmt: skip
    assert KAZAKH.shifted[:13] == ")!ӘІҢҒ;:ҮҰҚӨҺ"
    assert not set(string.digits) & set(KAZAKH.unshifted + KAZAKH.shifted)
    assert KAZAKH.type_text("/?") == "№?"
    # Kazakh-specific letters are the Cyrillic code points, not look-alikes.
    assert [hex(ord(ch)) for ch in "әіңғүұқөһ"] == [
        "0x4d9", "0x456", "0x4a3", "0x493", "0x4af", "0x4b1", "0x49b", "0x4e9", "0x4bb",
    ]  # fmt: skip


def test_russian_moves_latin_letters_and_shifted_symbols() -> None:
    assert RUSSIAN.type_text("eyJ") == "унО"
    assert RUSSIAN.type_text('@#$^&/?|~"') == '"№;:?.,/ЁЭ'
    assert RUSSIAN.type_text(IIN) == IIN
    assert KAZAKH.type_text("eyJ") == "унО"
    assert US.type_text(JWS_PASS) == JWS_PASS


def test_a_layout_with_a_key_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="two keys"):
        Layout("bad", "a" * 47, LAYOUT_US_KEYS[1])


@pytest.mark.parametrize("layout", ["us", "ru", "kk"])
@pytest.mark.parametrize("text", SCANNED)
def test_recover_detects_the_layout_from_the_burst(layout: str, text: str) -> None:
    typed = LAYOUTS[layout].type_text(text)
    recovered, used = recover_text(typed)
    assert recovered == text
    if typed != text:
        assert used == layout


def test_kazakh_iin_is_garbled_and_recovered() -> None:
    typed = KAZAKH.type_text(IIN)
    assert typed == 'қққ"қ"ғққққ' + KAZAKH.type_text(IIN[-1])
    assert recover_text(typed) == (IIN, "kk")


BASE64URL = string.ascii_letters + string.digits + "-_."


# A burst with no letter or digit at all ("." alone) is ambiguous: the US
# "." key and the Kazakh "7" key both type "."; signed passes and IINs
# always hold letters or digits.
@given(st.text(alphabet=BASE64URL, max_size=60).filter(lambda t: any(c.isalnum() for c in t)))
def test_base64url_texts_come_back_exactly_without_a_hint(text: str) -> None:
    for layout in LAYOUTS.values():
        assert recover_text(layout.type_text(text))[0] == text


@given(st.text(alphabet=string.printable[:95], max_size=60))
def test_any_printable_text_comes_back_with_the_configured_layout(text: str) -> None:
    for name, layout in LAYOUTS.items():
        assert recover_text(layout.type_text(text), hint=name) == (text, name)


def test_characters_no_layout_types_are_left_alone() -> None:
    assert recover_text("€uro") == ("€uro", "unknown")


def test_physical_keys_and_scan_codes() -> None:
    assert char_for_key("KeyA", shift=False) == "a"
    assert char_for_key("Digit1", shift=True) == "!"
    assert char_for_key("Numpad7", shift=False) == "7"
    assert char_for_key("F13", shift=False) is None
    assert code_for_scan_code(0x1E) == "KeyA"
    assert code_for_scan_code(0x1E + 8, xkb=True) == "KeyA"
    assert code_for_scan_code(0x1C) == "Enter"
    assert code_for_scan_code(0x7F) is None
    assert len(SCAN_CODES) == len(set(SCAN_CODES)) == len(KEY_CODES)


# ---------------------------------------------------------------- the detector


@pytest.mark.parametrize("layout", ["us", "ru", "kk"])
@pytest.mark.parametrize("text", [JWS_PASS, IIN])
def test_scanner_burst_is_a_scan_with_the_exact_text(layout: str, text: str) -> None:
    detector = WedgeDetector()
    typed = LAYOUTS[layout].type_text(text)
    events = feed_all(detector, burst(typed))
    # Digits type the same under Russian as under US: nothing to tell them apart by.
    expected_layout = "us" if typed == text else layout
    assert events == [Scan(text, expected_layout, typed)]
    assert detector.deadline() is None


def test_configured_layout_is_used() -> None:
    detector = WedgeDetector(WedgeSettings(layout="ru"))
    (scan,) = feed_all(detector, burst(RUSSIAN.type_text("2021/05/01")))
    assert scan == Scan("2021/05/01", "ru", "2021.05.01")


def test_human_typing_passes_through_untouched() -> None:
    detector = WedgeDetector()
    keys = [KeyPress(ch, 10.0 + i * 0.12) for i, ch in enumerate(IIN)]
    keys.append(KeyPress("\r", 10.0 + len(IIN) * 0.12))
    events = feed_all(detector, keys)
    assert all(isinstance(e, Passthrough) for e in events)
    forwarded = [k for e in events if isinstance(e, Passthrough) for k in e.keys]
    assert forwarded == keys


def test_a_held_key_is_released_at_the_deadline() -> None:
    detector = WedgeDetector()
    assert detector.feed(KeyPress("7", 5.0)) == []
    deadline = detector.deadline()
    assert deadline == pytest.approx(5.035)
    assert detector.flush(5.02) == []
    assert detector.flush(5.04) == [Passthrough((KeyPress("7", 5.0),))]
    assert detector.deadline() is None


def test_fast_but_short_bursts_are_typing() -> None:
    detector = WedgeDetector()
    keys = burst("abc")
    assert feed_all(detector, keys) == [Passthrough(tuple(keys))]


def test_a_pause_inside_a_burst_splits_it() -> None:
    detector = WedgeDetector()
    first = [KeyPress(ch, 1.0 + i * 0.005) for i, ch in enumerate("hello")]
    second = burst(US.type_text(IIN), start=2.0)
    events = feed_all(detector, first + second)
    assert events == [Passthrough(tuple(first)), Scan(IIN, "us", IIN)]


def test_a_fast_burst_is_never_typing_even_when_its_enter_comes_late() -> None:
    detector = WedgeDetector()
    keys = [KeyPress(ch, 1.0 + i * 0.005) for i, ch in enumerate(IIN)]
    enter = KeyPress("\r", 2.0)
    events = feed_all(detector, [*keys, enter])
    assert events == [Scan(IIN, "us", IIN), Passthrough((enter,))]


def test_tab_and_key_codes_end_a_burst() -> None:
    detector = WedgeDetector()
    keys = [KeyPress(ch, 1.0 + i * 0.003) for i, ch in enumerate(IIN)]
    end = 1.0 + len(IIN) * 0.003
    (scan,) = feed_all(detector, [*keys, KeyPress("", end, code="Tab")])
    assert scan.text == IIN
    later = [KeyPress(k.text, k.t + 5) for k in keys]
    (scan,) = feed_all(detector, [*later, KeyPress("\t", end + 5)])
    assert scan.text == IIN


def test_physical_keys_give_the_text_without_guessing() -> None:
    text = JWS_PASS
    keys = []
    for i, ch in enumerate(text):
        shifted = ch in LAYOUT_US_KEYS[1]
        row = LAYOUT_US_KEYS[1 if shifted else 0]
        code = KEY_CODES[row.index(ch)]
        keys.append(KeyPress(KAZAKH.type_text(ch), 1.0 + i * 0.002, code=code, shift=shifted))
    keys.append(KeyPress("\r", 1.0 + len(text) * 0.002, code="Enter"))
    (scan,) = feed_all(WedgeDetector(), keys)
    assert (scan.text, scan.layout) == (text, "keys")


def test_a_burst_without_a_terminator_is_a_scan_at_its_deadline() -> None:
    detector = WedgeDetector()
    keys = [KeyPress(ch, 1.0 + i * 0.004) for i, ch in enumerate(IIN)]
    assert feed_all(detector, keys) == []
    assert detector.flush(1.2) == [Scan(IIN, "us", IIN)]


def test_release_hands_back_held_keys() -> None:
    detector = WedgeDetector()
    keys = [KeyPress(ch, 1.0 + i * 0.004) for i, ch in enumerate("abc")]
    feed_all(detector, keys)
    assert detector.release() == [Passthrough(tuple(keys))]
    assert detector.release() == []


def test_overlong_bursts_are_scans_never_typing() -> None:
    detector = WedgeDetector(WedgeSettings(max_length=10))
    keys = [KeyPress("x", 1.0 + i * 0.001) for i in range(11)]
    assert feed_all(detector, keys) == [Scan("x" * 11, "us", "x" * 11)]


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="layout"):
        WedgeSettings(layout="de")
    with pytest.raises(ValueError):
        WedgeSettings(max_gap_s=0)


# ------------------------------------------------- what a USB HID scanner sends
#
# A scanner sends key positions (HID usages) with Shift pressed around each
# capital; the PC turns them into characters through its layout and Caps
# Lock. The UI feeds the detector the character keys with their physical key
# and the Shift state (modifier keys themselves never reach the detector).


def hid_burst(
    text: str, layout: Layout, *, start: float = 1.0, gap: float = 0.003, caps: bool = False
) -> list[KeyPress]:
    """The key presses a scanner's *text* becomes under *layout* (and Caps Lock)."""
    keys = []
    for index, char in enumerate(text):
        shifted = char in LAYOUT_US_KEYS[1]
        position = LAYOUT_US_KEYS[1 if shifted else 0].index(char)
        typed = (layout.shifted if shifted else layout.unshifted)[position]
        if caps and typed.isalpha():
            typed = typed.lower() if typed.isupper() else typed.upper()
        keys.append(KeyPress(typed, start + index * gap, code=KEY_CODES[position], shift=shifted))
    keys.append(KeyPress("\r", start + len(text) * gap, code="Enter"))
    return keys


@pytest.mark.parametrize("caps", [False, True], ids=["caps-off", "caps-on"])
@pytest.mark.parametrize("layout", ["us", "ru", "kk"])
def test_a_pass_from_physical_keys_is_exact_under_every_layout_and_caps_lock(
    layout: str, caps: bool
) -> None:
    keys = hid_burst(JWS_PASS, LAYOUTS[layout], caps=caps)
    assert any(key.shift for key in keys), "a pass has capitals: Shift is part of the burst"
    (scan,) = feed_all(WedgeDetector(), keys)
    assert (scan.text, scan.layout) == (JWS_PASS, "keys")


def test_a_layout_switched_in_the_middle_of_a_burst_changes_nothing() -> None:
    half = len(JWS_PASS) // 2
    first = hid_burst(JWS_PASS[:half], US)[:-1]
    second = hid_burst(JWS_PASS[half:], RUSSIAN, start=first[-1].t + 0.003)
    (scan,) = feed_all(WedgeDetector(), first + second)
    assert scan.text == JWS_PASS


def test_altgr_keys_keep_the_character_the_os_gave() -> None:
    keys = hid_burst("user", US)[:-1]
    at = KeyPress("@", keys[-1].t + 0.003, code="KeyQ", altgr=True)  # a German scanner's @
    rest = hid_burst("example.kz", US, start=at.t + 0.003)
    (scan,) = feed_all(WedgeDetector(), [*keys, at, *rest])
    assert scan.text == "user@example.kz"


def test_a_key_that_types_nothing_inside_a_scan_is_dropped_and_the_scan_goes_on() -> None:
    detector = WedgeDetector()
    keys = hid_burst(JWS_PASS, RUSSIAN)
    events = feed_all(detector, keys[:20])
    assert events == []
    assert detector.other_key(keys[19].t + 0.002) == ([], True)  # e.g. Win+Space mid-burst
    (scan,) = feed_all(detector, keys[20:])
    assert scan.text == JWS_PASS


def test_a_key_that_types_nothing_ends_a_persons_typing_in_order() -> None:
    detector = WedgeDetector()
    keys = [KeyPress(ch, 1.0 + i * 0.02) for i, ch in enumerate("870")]
    assert feed_all(detector, keys) == []
    assert detector.other_key(1.05) == ([Passthrough(tuple(keys))], False)  # Backspace
    assert detector.other_key(3.0) == ([], False)
