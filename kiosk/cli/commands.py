"""The list of subcommand modules, in the order `--help` shows them."""

from __future__ import annotations

from types import ModuleType

from kiosk.cli import iin_cmd

MODULES: tuple[ModuleType, ...] = (iin_cmd,)
