"""A class name means one thing in the whole product: no two classes of app,
kiosk, hardware, ui, config, sandbox or shared share a name (a settings model
is CameraSettings, not a second Camera). Read from the sources, so a class
defined under `if TYPE_CHECKING:` or inside a function counts too."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "kiosk", "hardware", "ui", "config", "sandbox", "shared")


def classes_by_name(root: Path) -> dict[str, list[str]]:
    """Every class defined under the product's packages, by name: where each is."""
    found: dict[str, list[str]] = defaultdict(list)
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef):
                    found[node.name].append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_two_classes_of_the_product_share_a_name() -> None:
    found = classes_by_name(REPO)
    assert len(found) > 300, "the walk found the product's classes"
    shared = {name: places for name, places in found.items() if len(places) > 1}
    assert shared == {}


def test_the_walk_finds_a_name_used_twice(tmp_path: Path) -> None:
    for package, source in (("kiosk", "class Camera:\n    pass\n"), ("config", "")):
        (tmp_path / package).mkdir()
        (tmp_path / package / "a.py").write_text(source, encoding="utf-8")
    (tmp_path / "config" / "b.py").write_text(
        "def settings():\n    class Camera:\n        pass\n", encoding="utf-8"
    )
    for package in PACKAGES:
        (tmp_path / package).mkdir(exist_ok=True)
    assert classes_by_name(tmp_path)["Camera"] == ["kiosk/a.py:1", "config/b.py:2"]
