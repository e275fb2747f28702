"""The list of subcommand modules, in the order `--help` shows them."""

from __future__ import annotations

from types import ModuleType

from app import (
    check_cmd,
    dayreport_cmd,
    decode_cmd,
    demo_cmd,
    doctor_cmd,
    gate_cmd,
    iin_cmd,
    install_cmd,
    pin_cmd,
    recover_cmd,
    referral_cmd,
    report_cmd,
    run_cmd,
    sandbox_cmd,
    supervise_cmd,
    sync_cmd,
)

MODULES: tuple[ModuleType, ...] = (
    run_cmd,
    demo_cmd,
    iin_cmd,
    check_cmd,
    decode_cmd,
    sync_cmd,
    dayreport_cmd,
    referral_cmd,
    report_cmd,
    recover_cmd,
    sandbox_cmd,
    pin_cmd,
    gate_cmd,
    doctor_cmd,
    install_cmd,
    supervise_cmd,
)
