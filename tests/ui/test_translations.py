"""Every visible string is translated into Kazakh and Russian, and the
compiled .qm files match the .ts sources (run `make translations`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.i18n import TRANSLATIONS

UI = Path(__file__).resolve().parents[2] / "ui"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m.find("translation")
        for ctx in root.findall("context")
        for m in ctx.findall("message")
    }


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_string_is_translated(lang: str) -> None:
    found = messages(TRANSLATIONS / f"ashyq_{lang}.ts")
    unfinished = [key for key, tr in found.items()
                  if tr is None or tr.get("type") == "unfinished"
                  or not ((tr.text or "").strip() or tr.findall("numerusform"))]  # fmt: skip
    assert len(found) > 150 and not unfinished


def test_the_sources_hold_every_marked_string(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate is not None
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, *sorted(str(p) for p in UI.glob("*.py")), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    missing = set(messages(fresh)) - set(messages(TRANSLATIONS / "ashyq_ru.ts"))
    assert not missing, f"new strings: run `make translations` and translate {sorted(missing)}"


def test_compiled_translations_are_shipped() -> None:
    for lang in ("kk", "ru", "en"):
        assert (TRANSLATIONS / f"ashyq_{lang}.qm").stat().st_size > 1000
