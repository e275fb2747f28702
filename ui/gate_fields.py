"""The settings dialog's Gate tab: the `[gate]` keys' fields, their names and
the words for their choices. Number fields take their limits from the schema
(config/gate_settings.py), so the dialog and the file refuse the same values;
the rules between keys (an address for modbus-tcp, the exit's own relay…) are
the schema's, and a refused value is named like any other.
"""

from __future__ import annotations

from collections.abc import Callable

from annotated_types import Ge, Le
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

from config.gate_settings import GateSettings
from ui.words import QT_TRANSLATE_NOOP

NONE_BELOW_ZERO = ("gate.exit_coil", "gate.entry_passage_input", "gate.exit_passage_input")
"""-1 means "none" for these."""


def limits(key: str) -> tuple[float, float]:
    """The least and the most the schema allows for the number *key*."""
    field = GateSettings.model_fields[key.split(".")[1]]
    low = next(m.ge for m in field.metadata if isinstance(m, Ge))
    high = next(m.le for m in field.metadata if isinstance(m, Le))
    return float(low), float(high)  # type: ignore[arg-type]


def make_field(key: str, parent: QWidget) -> QWidget | None:
    """The number field for *key* (None: not a number; the dialog's usual field)."""
    annotation = GateSettings.model_fields[key.split(".")[1]].annotation
    if annotation is int:
        spin = QSpinBox(parent)
        low, high = limits(key)
        spin.setRange(int(low), int(high))
        return spin
    if annotation is float:
        seconds = QDoubleSpinBox(parent)
        seconds.setDecimals(1)
        seconds.setRange(*limits(key))
        return seconds
    return None


def label_texts(tr: Callable[[str], str]) -> dict[str, str]:
    """The field names, translated by *tr*: the dialog's own (context "SettingsDialog")."""
    return {
        "gate.driver": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Gate driver")),
        "gate.host": tr(QT_TRANSLATE_NOOP("SettingsDialog", "I/O module address (modbus-tcp)")),
        "gate.port": tr(QT_TRANSLATE_NOOP("SettingsDialog", "TCP port (modbus-tcp)")),
        "gate.serial_port": tr(
            QT_TRANSLATE_NOOP("SettingsDialog", "Serial port (RTU, relay board)")
        ),
        "gate.baud": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Baud rate (RTU, relay board)")),
        "gate.parity": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Parity (modbus-rtu)")),
        "gate.unit": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Modbus unit id")),
        "gate.entry_coil": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Entry relay (coil)")),
        "gate.exit_coil": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Exit relay (coil)")),
        "gate.entry_passage_input": tr(
            QT_TRANSLATE_NOOP("SettingsDialog", "Entry passage sensor (input)")
        ),
        "gate.exit_passage_input": tr(
            QT_TRANSLATE_NOOP("SettingsDialog", "Exit passage sensor (input)")
        ),
        "gate.pulse_ms": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Relay pulse, ms")),
        "gate.passage_timeout_s": tr(
            QT_TRANSLATE_NOOP("SettingsDialog", "Annul an entry nobody used after, s")
        ),
        "gate.http_method": tr(QT_TRANSLATE_NOOP("SettingsDialog", "HTTP method (http)")),
        "gate.http_url": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Relay URL (http)")),
        "gate.http_body": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Request body (http)")),
        "gate.http_callback_listen": tr(
            QT_TRANSLATE_NOOP("SettingsDialog", "Passage callback host:port (http)")
        ),
        "gate.http_callback_token": tr(
            QT_TRANSLATE_NOOP("SettingsDialog", "Passage callback token (http)")
        ),
        "gate.serial_open_entry": tr(
            QT_TRANSLATE_NOOP("SettingsDialog", "Relay board: entry on (hex)")
        ),
        "gate.serial_close_entry": tr(
            QT_TRANSLATE_NOOP("SettingsDialog", "Relay board: entry off (hex)")
        ),
        "gate.serial_open_exit": tr(
            QT_TRANSLATE_NOOP("SettingsDialog", "Relay board: exit on (hex)")
        ),
        "gate.serial_close_exit": tr(
            QT_TRANSLATE_NOOP("SettingsDialog", "Relay board: exit off (hex)")
        ),
    }


def choice_texts(tr: Callable[[str], str]) -> dict[str, dict[str, str]]:
    return {
        "gate.driver": {
            "none": tr(QT_TRANSLATE_NOOP("SettingsDialog", "No gate")),
            "modbus-tcp": tr(
                QT_TRANSLATE_NOOP("SettingsDialog", "Modbus TCP I/O module (network)")
            ),
            "modbus-rtu": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Modbus RTU I/O module (serial)")),
            "http": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Network relay (HTTP)")),
            "serial-relay": tr(QT_TRANSLATE_NOOP("SettingsDialog", "USB serial relay board")),
        },
        "gate.parity": {
            "N": tr(QT_TRANSLATE_NOOP("SettingsDialog", "None (N)")),
            "E": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Even (E)")),
            "O": tr(QT_TRANSLATE_NOOP("SettingsDialog", "Odd (O)")),
        },
        "gate.http_method": {
            "GET": tr(QT_TRANSLATE_NOOP("SettingsDialog", "HTTP GET")),
            "POST": tr(QT_TRANSLATE_NOOP("SettingsDialog", "HTTP POST")),
            "PUT": tr(QT_TRANSLATE_NOOP("SettingsDialog", "HTTP PUT")),
        },
    }
