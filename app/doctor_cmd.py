"""`ashyq-kiosk doctor [--json] [--lang L]`: check the desk and say what to do.

Settings, the data folder, free disk space, the database's integrity, the
service (round trip, the device token), the clock against the service's, the
pass key list's age, the camera (opens, its mode, a frame decoded), the
serial scanner's port, sound output, the printer (boarding desks), the gate
(asked, never pulsed), the kiosk's restarts (a crash loop) and the log file.

Exit 0 when nothing failed, 1 when something did, 2 for settings that cannot
be used. The text is in the staff's language (the first of `[screens]
languages`, or `--lang`); `--json` prints one JSON object per check (`check`,
`result`: ok | warning | failed, `reason`, and what was measured) and a
summary line (`summary`, the counts, `failed_checks`, `log_file`), in
English words that do not change.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.common import EXIT_BAD_INPUT, EXIT_NEGATIVE, EXIT_OK, add_command, print_json

if TYPE_CHECKING:
    from app.health import QtFindings
    from kiosk.health.values import HealthReport
    from ui.health_words import Say

LANGUAGES = ("kk", "ru", "en")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = add_command(
        sub, "doctor", "Check the desk (settings, disk, service, camera, …) and say what to do."
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per check")
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="language of the text (default: the staff's)"
    )
    parser.add_argument(
        "--no-camera", action="store_true", help="do not open the camera (another program has it)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.context import data_dir
    from app.health import Scope, invalid_settings, measure
    from app.logs import log_file
    from config.settings import SettingsError, find_config, load_file
    from kiosk.health.runs import RunLog
    from kiosk.health.values import HealthReport, Verdict

    config = find_config(getattr(args, "config", None))
    folder = data_dir(args)
    try:
        settings = load_file(config)
    except SettingsError as exc:
        result = invalid_settings(config, exc.keys, str(exc))
        report = HealthReport.of([result], 0.0)
        _print(report, args, _say(args.lang or "en"), folder)
        return EXIT_BAD_INPUT
    say = _say(args.lang or settings.screens.languages[0])
    # The running kiosk holds the camera (Windows lets one program have it).
    kiosk_running = RunLog(folder).running()
    scope = Scope(
        log_file=log_file(),
        config_file=config,
        open_camera=not (args.no_camera or kiosk_running),
        qt=qt_findings(),
    )
    report = measure(settings, folder, scope)
    try:
        _print(report, args, say, folder)
    except BrokenPipeError:  # `doctor | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_NEGATIVE if report.outcome is Verdict.FAILED else EXIT_OK


def _say(lang: str) -> Say:
    from ui.health_words import translator_for

    return translator_for(lang)


def qt_findings() -> QtFindings:
    """Sound outputs and printers, as Qt sees them (an application object of the
    command's own, no window, Qt's own chatter about missing back ends dropped)."""
    from app.health import QtFindings

    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")
    from PySide6.QtCore import QCoreApplication, qInstallMessageHandler

    previous = qInstallMessageHandler(lambda kind, context, message: None)
    try:
        app = QCoreApplication.instance() or QCoreApplication(["ashyq-kiosk"])
        from PySide6.QtMultimedia import QMediaDevices
        from PySide6.QtPrintSupport import QPrinterInfo

        outputs = tuple(device.description() for device in QMediaDevices.audioOutputs())
        printers = tuple(QPrinterInfo.availablePrinterNames())
        del app
    finally:
        qInstallMessageHandler(previous)
    return QtFindings(outputs, printers)


def _print(report: HealthReport, args: argparse.Namespace, say: Say, folder: Path) -> None:
    from app.logs import log_file

    if args.json:
        for result in report.results:
            print_json(result.to_json())
        print_json({**report.summary_json(), "log_file": str(log_file()), "data_dir": str(folder)})
        return
    from kiosk.health.values import Verdict
    from ui.health_words import check_name, describe, outcome_word, summary_line

    width = max(len(outcome_word(o, say)) for o in Verdict)
    for result in report.results:
        word = outcome_word(result.outcome, say)
        shown = word.upper() if result.outcome is not Verdict.OK else word
        name = check_name(result.check, say)
        sys.stdout.write(f"{shown:<{width}}  {name}: {describe(result, say)}\n")
    sys.stdout.write(summary_line(report, say) + "\n")
    sys.stdout.flush()
