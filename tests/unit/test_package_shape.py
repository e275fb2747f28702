"""The domain stays grouped: new modules go into the subpackage of their
concept (storage, service, referrals, reports, gate, health), not onto the
top of kiosk/, which holds the desk and the values it is made of."""

from __future__ import annotations

from pathlib import Path

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


def test_kiosk_has_at_most_thirty_top_level_modules() -> None:
    modules = sorted(p.name for p in KIOSK.glob("*.py") if p.name != "__init__.py")

    assert len(modules) <= 30, modules
