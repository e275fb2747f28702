"""The list of subcommand modules, in the order `--help` shows them."""

from __future__ import annotations

from types import ModuleType

from kiosk.cli import check_cmd, iin_cmd, pin_cmd, report_cmd

MODULES: tuple[ModuleType, ...] = (iin_cmd, check_cmd, report_cmd, pin_cmd)
