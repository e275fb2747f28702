"""The words of a health report (context "Health"), for the staff panel's Desk
health view and the `doctor` command alike: each check's name, each outcome,
and a sentence per reason that says what was found and what to do.

*say* translates a source text of the context: on screen
QCoreApplication.translate; in the command line a translator for the
language asked (:func:`translator_for`). Nothing is translated at import time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from kiosk.health.values import Check, CheckResult, Fact, HealthReport, Reason, Verdict
from ui.words import QT_TRANSLATE_NOOP

CONTEXT = "Health"
Say = Callable[[str], str]

CHECK = {
    Check.SETTINGS: QT_TRANSLATE_NOOP("Health", "Settings"),
    Check.DATA_FOLDER: QT_TRANSLATE_NOOP("Health", "Data folder"),
    Check.DISK_SPACE: QT_TRANSLATE_NOOP("Health", "Disk space"),
    Check.DATABASE: QT_TRANSLATE_NOOP("Health", "Database"),
    Check.SERVICE: QT_TRANSLATE_NOOP("Health", "Service"),
    Check.CLOCK: QT_TRANSLATE_NOOP("Health", "Clock"),
    Check.PASS_KEYS: QT_TRANSLATE_NOOP("Health", "Pass keys"),
    Check.CAMERA: QT_TRANSLATE_NOOP("Health", "Camera"),
    Check.SCANNER: QT_TRANSLATE_NOOP("Health", "Serial scanner"),
    Check.SOUND: QT_TRANSLATE_NOOP("Health", "Sound"),
    Check.PRINTER: QT_TRANSLATE_NOOP("Health", "Printer"),
    Check.GATE: QT_TRANSLATE_NOOP("Health", "Gate"),
    Check.RESTARTS: QT_TRANSLATE_NOOP("Health", "Restarts"),
    Check.LOG: QT_TRANSLATE_NOOP("Health", "Log file"),
}

OUTCOME = {
    Verdict.OK: QT_TRANSLATE_NOOP("Health", "ok"),
    Verdict.WARNING: QT_TRANSLATE_NOOP("Health", "warning"),
    Verdict.FAILED: QT_TRANSLATE_NOOP("Health", "failed"),
}

CAMERA_ADVICE = QT_TRANSLATE_NOOP(
    "Health",
    'On Windows set [camera] backend = "dshow", or the environment variable '
    "OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0.",
)

# One sentence per reason; where a reason serves several checks, per check.
SENTENCE: dict[object, str] = {
    # keyed by the reason, by (check, reason), or by (check, reason, outcome)
    Reason.NOT_CONFIGURED: QT_TRANSLATE_NOOP("Health", "none at this desk"),
    Reason.NOT_CHECKED: QT_TRANSLATE_NOOP("Health", "not checked now (run ashyq-kiosk doctor)"),
    Reason.TIMED_OUT: QT_TRANSLATE_NOOP("Health", "no answer within %(seconds) s"),
    Reason.CHECK_FAILED: QT_TRANSLATE_NOOP("Health", "could not be checked: %(detail)"),
    Reason.VALID: QT_TRANSLATE_NOOP("Health", "valid (%(file))"),
    Reason.INVALID: QT_TRANSLATE_NOOP(
        "Health", "cannot be used: correct the key named, then start again. %(detail)"
    ),
    Reason.SHORT_PIN: QT_TRANSLATE_NOOP(
        "Health",
        "a PIN has fewer than 6 digits: make a new hash with ashyq-kiosk hash-pin (%(file))",
    ),
    Reason.NO_ADMIN_PIN: QT_TRANSLATE_NOOP(
        "Health",
        "no admin PIN: anyone can leave the kiosk or change its settings; set [pins] admin "
        "with ashyq-kiosk hash-pin (%(file))",
    ),
    Reason.WRITABLE: QT_TRANSLATE_NOOP("Health", "%(path)"),
    (Check.DATA_FOLDER, Reason.NOT_WRITABLE): QT_TRANSLATE_NOOP(
        "Health",
        "%(path) cannot be written (%(detail)): let the kiosk's user write there, or "
        "choose another folder with --data-dir",
    ),
    (Check.LOG, Reason.NOT_WRITABLE): QT_TRANSLATE_NOOP(
        "Health", "%(path) cannot be written (%(detail)): the kiosk runs without a log"
    ),
    Reason.ENOUGH_SPACE: QT_TRANSLATE_NOOP("Health", "%(free_mb) MB free"),
    Reason.LOW_SPACE: QT_TRANSLATE_NOOP("Health", "only %(free_mb) MB free: free some space soon"),
    Reason.NO_SPACE: QT_TRANSLATE_NOOP(
        "Health", "only %(free_mb) MB free: the kiosk may stop recording; free space now"
    ),
    Reason.INTACT: QT_TRANSLATE_NOOP("Health", "intact; %(pending) event(s) waiting to be sent"),
    Reason.DAMAGED: QT_TRANSLATE_NOOP(
        "Health", "damaged: stop the kiosk and run ashyq-kiosk recover (%(detail))"
    ),
    Reason.CANNOT_OPEN: QT_TRANSLATE_NOOP("Health", "cannot be opened: %(detail)"),
    Reason.REACHABLE: QT_TRANSLATE_NOOP(
        "Health", "%(url) answers in %(rtt_ms) ms and accepts this device's token"
    ),
    Reason.SLOW: QT_TRANSLATE_NOOP(
        "Health",
        "%(url) answers in %(rtt_ms) ms, over the look-up limit of %(deadline_ms) ms: "
        "look-ups will fall back to passes and the cache",
    ),
    Reason.UNREACHABLE: QT_TRANSLATE_NOOP(
        "Health", "%(url) does not answer: check the network and [service] url (%(detail))"
    ),
    (Check.GATE, Reason.UNREACHABLE): QT_TRANSLATE_NOOP(
        "Health", "%(driver) gate does not answer: check its cable and address (%(detail))"
    ),
    (Check.GATE, Reason.REACHABLE): QT_TRANSLATE_NOOP("Health", "%(driver) gate answers"),
    Reason.BAD_SETTINGS: QT_TRANSLATE_NOOP("Health", "its settings cannot work: %(detail)"),
    Reason.DEVICE_NOT_REGISTERED: QT_TRANSLATE_NOOP(
        "Health",
        "%(url) refuses this device's token: check [service] token with the service's operator",
    ),
    Reason.SERVICE_ERROR: QT_TRANSLATE_NOOP("Health", "%(url) answered with an error: %(detail)"),
    Reason.IN_STEP: QT_TRANSLATE_NOOP("Health", "%(skew_s) s from the service's clock"),
    Reason.CLOCK_OFF: QT_TRANSLATE_NOOP(
        "Health",
        "%(skew_s) s from the service's clock: let the PC set its time automatically",
    ),
    Reason.CLOCK_FAR_OFF: QT_TRANSLATE_NOOP(
        "Health",
        "%(skew_s) s from the service's clock, more than passes allow (%(allowance_s) s): "
        "passes will be refused; set the PC's time now",
    ),
    Reason.NOT_MEASURED: QT_TRANSLATE_NOOP("Health", "not measured: the service did not answer"),
    Reason.FRESH: QT_TRANSLATE_NOOP("Health", "%(keys) key(s), fetched %(age_h) h ago"),
    Reason.STALE: QT_TRANSLATE_NOOP(
        "Health",
        "%(keys) key(s), fetched %(age_h) h ago: the kiosk fetches them again when online",
    ),
    Reason.TOO_OLD: QT_TRANSLATE_NOOP(
        "Health",
        "fetched %(age_h) h ago: passes signed by a newer key go to staff; connect the kiosk "
        "to the service",
    ),
    Reason.NEVER_FETCHED: QT_TRANSLATE_NOOP(
        "Health",
        "never fetched (%(keys) pinned): the kiosk fetches them when it runs online",
    ),
    Reason.WORKING: QT_TRANSLATE_NOOP("Health", "working"),
    (Check.CAMERA, Reason.WORKING): QT_TRANSLATE_NOOP(
        "Health",
        "%(width)×%(height) at %(fps) fps, opened in %(open_s) s; a frame read and decoded",
    ),
    (Check.SOUND, Reason.WORKING): QT_TRANSLATE_NOOP("Health", "plays on %(output)"),
    Reason.SLOW_TO_OPEN: QT_TRANSLATE_NOOP(
        "Health", "took %(open_s) s to open (backend %(backend)), slow."
    ),
    Reason.NOT_OPENED: QT_TRANSLATE_NOOP(
        "Health",
        "camera %(device) did not open: check its cable and [camera] device (%(detail))",
    ),
    Reason.NO_FRAME: QT_TRANSLATE_NOOP(
        "Health", "camera %(device) opened but gave no picture: try another USB port"
    ),
    Reason.DECODER_UNAVAILABLE: QT_TRANSLATE_NOOP(
        "Health", "the code reader cannot start: %(detail)"
    ),
    Reason.PRESENT: QT_TRANSLATE_NOOP("Health", "%(port) is there"),
    (Check.PRINTER, Reason.PRESENT): QT_TRANSLATE_NOOP("Health", "%(printer) is installed"),
    Reason.PORT_MISSING: QT_TRANSLATE_NOOP(
        "Health", "%(port) is not there: check the cable and [scanner] serial_port"
    ),
    Reason.MUTED: QT_TRANSLATE_NOOP("Health", "muted in the settings"),
    Reason.NO_OUTPUT: QT_TRANSLATE_NOOP("Health", "no sound output: the kiosk will be silent"),
    Reason.FILES_MISSING: QT_TRANSLATE_NOOP(
        "Health", "sound files missing (%(missing)): install the kiosk again"
    ),
    Reason.PDF_SLIPS: QT_TRANSLATE_NOOP(
        "Health", "no printer set: referral slips are saved as PDFs in %(folder)"
    ),
    Reason.PRINTER_MISSING: QT_TRANSLATE_NOOP(
        "Health", "%(printer) is not installed here: slips are saved as PDFs in %(folder)"
    ),
    Reason.NO_CRASH: QT_TRANSLATE_NOOP("Health", "no crash in the last day"),
    Reason.CRASHED: QT_TRANSLATE_NOOP(
        "Health",
        "crashed %(crashes) time(s) in the last day, last at %(last_crash_at): see the log",
    ),
    (Check.RESTARTS, Reason.CRASH_LOOP, Verdict.FAILED): QT_TRANSLATE_NOOP(
        "Health",
        "crashed %(crashes) times within a minute and was left stopped (last at "
        "%(last_crash_at)): read the log, fix the cause, then start the kiosk again",
    ),
    Reason.CRASH_LOOP: QT_TRANSLATE_NOOP(
        "Health",
        "crashed %(crashes) times within a minute (last at %(last_crash_at)) and was started "
        "again since: see the log",
    ),
}

STILL_OPENING = QT_TRANSLATE_NOOP(
    "Health", "still opening after %(open_s) s (backend %(backend)), slow."
)
RUNNING_CAMERA = QT_TRANSLATE_NOOP("Health", "camera %(device) is running")


def check_name(check: Check, say: Say) -> str:
    return say(CHECK[check])


def outcome_word(outcome: Verdict, say: Say) -> str:
    return say(OUTCOME[outcome])


def describe(result: CheckResult, say: Say) -> str:
    """What was found and what to do, in words, with the result's facts filled in."""
    source = _source(result)
    text = fill_facts(say(source), result.facts)
    if result.reason is Reason.SLOW_TO_OPEN:
        text = f"{text} {say(CAMERA_ADVICE)}"
    return text


def _source(result: CheckResult) -> str:
    check, reason, facts = result.check, result.reason, result.facts
    if check is Check.CAMERA and reason is Reason.SLOW_TO_OPEN and facts.get("still_opening"):
        return STILL_OPENING
    if check is Check.CAMERA and reason is Reason.WORKING and "width" not in facts:
        return RUNNING_CAMERA
    for key in ((check, reason, result.outcome), (check, reason), reason):
        found = SENTENCE.get(key)
        if found is not None:
            return found
    return reason.value


def fill_facts(text: str, facts: Mapping[str, Fact]) -> str:
    """Put each `%(name)` of *text* from *facts*; a missing one reads as "?"."""
    out, rest = [], text
    while "%(" in rest:
        before, _, after = rest.partition("%(")
        name, closed, tail = after.partition(")")
        out.append(before)
        if not closed:
            out.append("%(" + after)
            rest = ""
            break
        out.append(_fact_text(name, facts.get(name)))
        rest = tail
    out.append(rest)
    return "".join(out)


def _fact_text(name: str, value: Fact) -> str:
    if value is None:
        return "?"
    if name.endswith("_at") and isinstance(value, int | float):
        return dt.datetime.fromtimestamp(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def line(result: CheckResult, say: Say) -> str:
    """`Name: sentence` for a report's line."""
    return f"{check_name(result.check, say)}: {describe(result, say)}"


def translator_for(lang: str) -> Say:
    """*lang*'s words of this context, without an application object (the CLI)."""
    from PySide6.QtCore import QTranslator

    from ui.i18n import TRANSLATIONS

    translator = QTranslator()
    translator.load(str(TRANSLATIONS / f"ashyq_{lang}.qm"))

    def say(source: str) -> str:
        return translator.translate(CONTEXT, source) or source

    say.translator = translator  # type: ignore[attr-defined]  # kept alive with the function
    return say


SUMMARY = QT_TRANSLATE_NOOP("Health", "%(failed) failed, %(warning) warning(s), %(ok) ok")


def summary_line(report: HealthReport, say: Say) -> str:
    counts = report.counts()
    return fill_facts(
        say(SUMMARY),
        {
            "failed": counts[Verdict.FAILED],
            "warning": counts[Verdict.WARNING],
            "ok": counts[Verdict.OK],
        },
    )


def checks_text(names: tuple[str, ...] | list[str]) -> str:
    """The named checks (kiosk.health.Check values), in the staff's language now."""
    from PySide6.QtCore import QCoreApplication

    shown = []
    for name in names:
        try:
            shown.append(QCoreApplication.translate(CONTEXT, CHECK[Check(name)]))
        except ValueError:
            shown.append(name)  # a check a newer version added
    return ", ".join(shown)
