"""Which referrals are today's: the SQL rule and its Python twin agree."""

from __future__ import annotations

import itertools
import sqlite3

from kiosk.referrals.rows import CURRENT, WINDOW, is_current

NOW = 1_790_000_000.0
PARAMS = {"day_start": NOW - 5 * 3600, "window": NOW - WINDOW, "now": NOW}


def test_the_python_rule_is_the_sql_rule_for_every_kind_of_referral() -> None:
    opened = [NOW, PARAMS["day_start"], NOW - 10 * 3600, PARAMS["window"], NOW - WINDOW - 1]
    outcomes = [None, "cleared", "confirmed"]
    valid = [None, NOW - 1, NOW, NOW + 3600]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE referrals (id INTEGER, opened_at REAL, outcome TEXT, valid_until)")
    cases = list(itertools.product(opened, outcomes, valid))
    conn.executemany(
        "INSERT INTO referrals VALUES (?, ?, ?, ?)",
        [(i, *case) for i, case in enumerate(cases)],
    )
    in_sql = {row[0] for row in conn.execute(f"SELECT id FROM referrals r WHERE {CURRENT}", PARAMS)}
    in_python = {i for i, case in enumerate(cases) if is_current(PARAMS, *case)}
    assert in_python == in_sql
    assert 0 < len(in_sql) < len(cases)  # the grid has both kinds
