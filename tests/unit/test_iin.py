"""IIN validation, checked against a reference written here from the rule in
docs/architecture.md (section 2, "The codes")."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kiosk.iin import (
    Iin,
    IinProblem,
    InvalidIin,
    Sex,
    check_digit,
    is_valid_iin,
    make_iin,
    mask_iin,
    parse_iin,
)

# --- the reference, written from the rule and sharing no code with kiosk.iin ---

FIRST_ROUND = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
SECOND_ROUND = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
DIGITS = "0123456789"


def ref_round(prefix: str, weights: tuple[int, ...]) -> int:
    return sum(DIGITS.index(c) * w for c, w in zip(prefix, weights, strict=True)) % 11


def ref_check_digit(prefix: str) -> int | None:
    """Σ dᵢ·wᵢ mod 11, weights 1..11; on 10 the second weights; 10 again: no digit."""
    first = ref_round(prefix, FIRST_ROUND)
    if first != 10:
        return first
    second = ref_round(prefix, SECOND_ROUND)
    return None if second == 10 else second


def ref_days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


REF_CENTURY = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}


def ref_is_valid(text: str) -> bool:
    if len(text) != 12 or any(c not in DIGITS for c in text):
        return False
    if text[6] not in REF_CENTURY:
        return False
    year = REF_CENTURY[text[6]] + int(text[0:2])
    month, day = int(text[2:4]), int(text[4:6])
    if not 1 <= month <= 12 or not 1 <= day <= ref_days_in_month(year, month):
        return False
    return ref_check_digit(text[:11]) == int(text[11])


def complete(prefix: str) -> str:
    """The prefix (11 digits) with its reference check digit appended."""
    digit = ref_check_digit(prefix)
    assert digit is not None, f"no check digit fits {prefix}"
    return f"{prefix}{digit}"


def first_completable(stem: str) -> str:
    """stem (7 digits: date and century) + the first serial that has a check digit."""
    for serial in range(10000):
        prefix = f"{stem}{serial:04d}"
        if ref_check_digit(prefix) is not None:
            return complete(prefix)
    raise AssertionError("unreachable")


def problem_of(text: str) -> IinProblem:
    with pytest.raises(InvalidIin) as info:
        parse_iin(text)
    assert isinstance(info.value, ValueError)
    assert str(info.value) == info.value.problem.value
    return info.value.problem


# --- literal, hand-checked IINs ---

# 900101300017: digits 9 0 0 1 0 1 3 0 0 0 1, weights 1..11:
#   9 + 4 + 6 + 21 + 11 = 51; 51 mod 11 = 7.  Male, 1990-01-01.
# 000229500018: 0 0 0 2 2 9 5 0 0 0 1 -> 8 + 10 + 54 + 35 + 11 = 118; mod 11 = 8.
#   Male, 2000-02-29 (a leap day: 2000 is divisible by 400).
# 851231200059: 8 5 1 2 3 1 2 0 0 0 5 -> 8 + 10 + 3 + 8 + 15 + 6 + 14 + 55 = 119; mod 11 = 9.
#   Female, 1885-12-31.
# 150615600429: 1 5 0 6 1 5 6 0 0 4 2 -> 1 + 10 + 24 + 5 + 30 + 42 + 40 + 22 = 174;
#   mod 11 = 9.  Female, 2015-06-15.
# 900101300811 needs the second round: 9 0 0 1 0 1 3 0 0 8 1 with weights 1..11 gives
#   9 + 4 + 6 + 21 + 80 + 11 = 131, 131 mod 11 = 10; weights 3,4,5,6,7,8,9,10,11,1,2 give
#   27 + 6 + 8 + 27 + 8 + 2 = 78, 78 mod 11 = 1.  Male, 1990-01-01.
KNOWN_GOOD = [
    ("900101300017", dt.date(1990, 1, 1), Sex.MALE),
    ("000229500018", dt.date(2000, 2, 29), Sex.MALE),
    ("851231200059", dt.date(1885, 12, 31), Sex.FEMALE),
    ("150615600429", dt.date(2015, 6, 15), Sex.FEMALE),
    ("900101300811", dt.date(1990, 1, 1), Sex.MALE),
]
# 9001013008?: weights 1..11 give 9 + 4 + 6 + 21 + 80 + 0 = 120, mod 11 = 10; the second
# weights give 27 + 6 + 8 + 27 + 8 + 0 = 76, mod 11 = 10: no check digit fits.
BOTH_ROUNDS_TEN = "90010130080"


@pytest.mark.parametrize(("text", "birth", "sex"), KNOWN_GOOD)
def test_known_good_iins_parse(text: str, birth: dt.date, sex: Sex) -> None:
    assert ref_is_valid(text)
    assert parse_iin(text) == Iin(text, birth, sex)
    assert is_valid_iin(text)


@pytest.mark.parametrize(("text", "birth", "sex"), KNOWN_GOOD)
def test_every_other_final_digit_of_a_known_good_iin_is_a_checksum_problem(
    text: str, birth: dt.date, sex: Sex
) -> None:
    for digit in DIGITS.replace(text[11], ""):
        assert problem_of(text[:11] + digit) is IinProblem.CHECKSUM


def test_second_weight_round_is_used_when_the_first_gives_ten() -> None:
    prefix = "90010130081"
    assert ref_round(prefix, FIRST_ROUND) == 10
    assert ref_round(prefix, SECOND_ROUND) == 1
    assert check_digit(prefix) == 1
    info = parse_iin(prefix + "1")
    assert (info.birth_date, info.sex) == (dt.date(1990, 1, 1), Sex.MALE)
    # The first round's 10 does not stand for a digit: "0" (10 mod 10) is not valid.
    assert problem_of(prefix + "0") is IinProblem.CHECKSUM


def test_second_weight_round_over_many_prefixes() -> None:
    """Every serial of one birth date: check_digit agrees with the reference."""
    second_round_used = 0
    for serial in range(10000):
        prefix = f"8507144{serial:04d}"
        assert check_digit(prefix) == ref_check_digit(prefix), prefix
        if ref_round(prefix, FIRST_ROUND) == 10 and ref_check_digit(prefix) is not None:
            second_round_used += 1
            assert is_valid_iin(complete(prefix))
    assert second_round_used > 500  # about one serial in 11


def test_no_final_digit_fits_when_both_rounds_give_ten() -> None:
    assert ref_round(BOTH_ROUNDS_TEN, FIRST_ROUND) == 10
    assert ref_round(BOTH_ROUNDS_TEN, SECOND_ROUND) == 10
    assert check_digit(BOTH_ROUNDS_TEN) is None
    for digit in DIGITS:
        assert problem_of(BOTH_ROUNDS_TEN + digit) is IinProblem.CHECKSUM
    assert make_iin(dt.date(1990, 1, 1), Sex.MALE, 80) is None


@pytest.mark.parametrize(
    "stem",
    [
        pytest.param("9002303", id="feb-30"),
        pytest.param("9002313", id="feb-31"),
        pytest.param("9013013", id="month-13"),
        pytest.param("9000013", id="month-00"),
        pytest.param("9001003", id="day-00"),
        pytest.param("9001323", id="day-32"),
        pytest.param("9004313", id="apr-31"),
        pytest.param("0002293", id="feb-29-1900-not-leap"),
        pytest.param("0002291", id="feb-29-1800-not-leap"),
        pytest.param("9902294", id="feb-29-1999-not-leap"),
    ],
)
def test_impossible_birth_dates(stem: str) -> None:
    # The check digit is right, so the date is the only thing wrong.
    text = first_completable(stem)
    assert not ref_is_valid(text)
    assert problem_of(text) is IinProblem.DATE


@pytest.mark.parametrize(
    ("stem", "birth"),
    [
        pytest.param("0002295", dt.date(2000, 2, 29), id="feb-29-2000-leap-by-400"),
        pytest.param("0402294", dt.date(1904, 2, 29), id="feb-29-1904"),
        pytest.param("9602296", dt.date(2096, 2, 29), id="feb-29-2096"),
        pytest.param("0001013", dt.date(1900, 1, 1), id="first-day-1900s"),
        pytest.param("9912314", dt.date(1999, 12, 31), id="last-day-1900s"),
    ],
)
def test_edge_dates_that_exist(stem: str, birth: dt.date) -> None:
    assert parse_iin(first_completable(stem)).birth_date == birth


@pytest.mark.parametrize(
    ("digit", "century", "sex"),
    [
        ("1", 1800, Sex.MALE),
        ("2", 1800, Sex.FEMALE),
        ("3", 1900, Sex.MALE),
        ("4", 1900, Sex.FEMALE),
        ("5", 2000, Sex.MALE),
        ("6", 2000, Sex.FEMALE),
    ],
)
def test_century_digit_gives_century_and_sex(digit: str, century: int, sex: Sex) -> None:
    text = first_completable(f"450709{digit}")
    info = parse_iin(text)
    assert info.value == text
    assert info.birth_date == dt.date(century + 45, 7, 9)
    assert info.sex is sex


@pytest.mark.parametrize("digit", ["0", "7", "8", "9"])
def test_other_century_digits_are_rejected(digit: str) -> None:
    prefix = f"900101{digit}0001"
    final = ref_check_digit(prefix)
    text = prefix + str(final if final is not None else 0)
    assert problem_of(text) is IinProblem.CENTURY


@pytest.mark.parametrize(
    "text",
    ["", "9", "90010130001", "9001013000170", "9" * 100, " 900101300017", "900101300017\n"],
)
def test_wrong_length(text: str) -> None:
    assert problem_of(text) is IinProblem.LENGTH


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("٩٠٠١٠١٣٠٠٠١٧", id="arabic-indic"),
        pytest.param("۹۰۰۱۰۱۳۰۰۰۱۷", id="extended-arabic-indic"),
        pytest.param("９００１０１３０００１７", id="fullwidth"),
        pytest.param("90010130001７", id="one-fullwidth-digit"),
        pytest.param("९००१०१३०००१७", id="devanagari"),
        pytest.param("90010130001²", id="superscript"),
        pytest.param("900101 00017", id="inner-space"),
        pytest.param("90010130001 ", id="trailing-space"),
        pytest.param("\t90010130001", id="leading-tab"),
        pytest.param("90010130001x", id="letter"),
        pytest.param("-90010130001", id="sign"),
        pytest.param("9001013000.7", id="dot"),
        pytest.param("90010130001\x00", id="nul"),
    ],
)
def test_non_ascii_digits_and_other_characters(text: str) -> None:
    assert len(text) == 12
    assert problem_of(text) is IinProblem.NON_DIGIT
    assert not is_valid_iin(text)


def test_make_iin_matches_literal_and_round_trips() -> None:
    assert make_iin(dt.date(1990, 1, 1), Sex.MALE, 1) == "900101300017"
    assert make_iin(dt.date(1885, 12, 31), Sex.FEMALE, 5) == "851231200059"
    assert make_iin(dt.date(2015, 6, 15), Sex.FEMALE, 42) == "150615600429"
    assert make_iin(dt.date(1990, 1, 1), Sex.MALE, 81) == "900101300811"
    for text, birth, sex in KNOWN_GOOD:
        made = make_iin(birth, sex, int(text[7:11]))
        assert made == text
        info = parse_iin(made)
        assert (info.birth_date, info.sex) == (birth, sex)


@pytest.mark.parametrize(
    ("birth", "serial"),
    [
        (dt.date(1799, 12, 31), 1),
        (dt.date(2100, 1, 1), 1),
        (dt.date(1990, 1, 1), -1),
        (dt.date(1990, 1, 1), 10000),
    ],
)
def test_make_iin_out_of_range(birth: dt.date, serial: int) -> None:
    assert make_iin(birth, Sex.FEMALE, serial) is None


def test_mask_iin_shows_only_the_last_four() -> None:
    masked = mask_iin("900101300017")
    assert masked == "••••••••0017"
    assert "9001" not in masked
    assert "3000" not in masked
    assert masked.endswith("0017")
    assert masked.count("•") == 8


# --- properties ---

TWELVE_CHARS = st.text(
    alphabet=st.sampled_from("0123456789" * 4 + "٠١٩０９ \t\n-x²"), min_size=12, max_size=12
)


@given(st.one_of(st.text(), TWELVE_CHARS))
def test_parse_iin_raises_only_invalid_iin_and_agrees_with_reference(text: str) -> None:
    try:
        info = parse_iin(text)
    except InvalidIin as exc:
        assert isinstance(exc.problem, IinProblem)
        assert not ref_is_valid(text)
    else:
        assert ref_is_valid(text)
        assert info.value == text


@given(st.text(alphabet=DIGITS, min_size=11, max_size=11))
def test_check_digit_agrees_with_reference(prefix: str) -> None:
    assert check_digit(prefix) == ref_check_digit(prefix)


@given(
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(Sex),
    st.integers(min_value=0, max_value=9999),
)
def test_make_iin_round_trips(birth: dt.date, sex: Sex, serial: int) -> None:
    made = make_iin(birth, sex, serial)
    century_digit = {1800: 1, 1900: 3, 2000: 5}[birth.year // 100 * 100]
    century_digit += 0 if sex is Sex.MALE else 1
    prefix = f"{birth.year % 100:02d}{birth.month:02d}{birth.day:02d}{century_digit}{serial:04d}"
    if made is None:
        assert ref_check_digit(prefix) is None
        return
    assert made == complete(prefix)
    info = parse_iin(made)
    assert (info.value, info.birth_date, info.sex) == (made, birth, sex)


@st.composite
def valid_iins(draw: st.DrawFn) -> str:
    birth = draw(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31)))
    female = draw(st.booleans())
    digit = {1800: 1, 1900: 3, 2000: 5}[birth.year // 100 * 100] + int(female)
    serial = draw(st.integers(min_value=0, max_value=9999))
    prefix = f"{birth:%y%m%d}{digit}{serial:04d}"
    assume(ref_check_digit(prefix) is not None)
    return complete(prefix)


@given(valid_iins(), st.integers(min_value=0, max_value=11), st.integers(1, 9))
def test_changing_one_digit(text: str, position: int, shift: int) -> None:
    assert is_valid_iin(text)
    new_digit = str((int(text[position]) + shift) % 10)
    changed = text[:position] + new_digit + text[position + 1 :]
    assert is_valid_iin(changed) == ref_is_valid(changed)
    first_round = ref_round(text[:11], FIRST_ROUND)
    if position == 11:
        assert not is_valid_iin(changed)
    elif position == 10:
        # The 11th digit weighs 11 ≡ 0 in the first round (a weakness of the scheme
        # itself): changing it keeps the number valid unless the second round was in use.
        assert is_valid_iin(changed) == (first_round != 10)
    elif is_valid_iin(changed):
        # Weights 1..10 are non-zero mod 11, so changing one of the first ten digits
        # moves the first round; it survives only when one side fell to the second round.
        assert 10 in (first_round, ref_round(changed[:11], FIRST_ROUND))
