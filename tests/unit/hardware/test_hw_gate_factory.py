"""Building a gate driver: a bad value or a missing library names its key; the
package itself loads no protocol library and nothing of the domain."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from hardware.gate.factory import GateConfig, GateSetupError, make_gate
from tests.gate_peers import Reports

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("values", "key", "words"),
    [
        ({"driver": "carrier-pigeon"}, "gate.driver", "unknown driver"),
        ({"driver": "modbus-tcp", "host": ""}, "gate.host", "address"),
        ({"driver": "modbus-rtu", "serial_port": " "}, "gate.serial_port", "COM3"),
        ({"driver": "serial-relay", "serial_port": ""}, "gate.serial_port", "COM3"),
        (
            {"driver": "serial-relay", "serial_port": "COM3", "entry_passage_input": 0},
            "gate.entry_passage_input",
            "no inputs",
        ),
        (
            {
                "driver": "serial-relay",
                "serial_port": "COM3",
                "entry_passage_input": -1,
                "serial_open_entry": "A0 0G",
            },
            "gate.serial_open_entry",
            "hex",
        ),
        ({"driver": "http", "http_url": "relay.local/on"}, "gate.http_url", "http://"),
        ({"driver": "http", "http_url": "http://r/{nope}"}, "gate.http_url", "{nope}"),
        (
            {"driver": "http", "http_url": "http://r/", "http_callback_listen": "8790"},
            "gate.http_callback_listen",
            "host:port",
        ),
    ],
)
def test_bad_values_name_their_key(values: dict[str, object], key: str, words: str) -> None:
    with pytest.raises(GateSetupError, match=words) as caught:
        make_gate(GateConfig(**values), Reports())  # type: ignore[arg-type]
    assert caught.value.key == key
    assert str(caught.value).startswith(key)


def test_a_callback_port_already_taken_names_the_key() -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        listen = f"127.0.0.1:{taken.getsockname()[1]}"
        config = GateConfig(
            driver="http", http_url="http://127.0.0.1:9/", http_callback_listen=listen
        )
        with pytest.raises(GateSetupError, match="cannot listen") as caught:
            make_gate(config, Reports())
    finally:
        taken.close()
    assert caught.value.key == "gate.http_callback_listen"


def test_the_none_driver_opens_and_senses_nothing() -> None:
    gate = make_gate(GateConfig(), Reports())
    gate.start()
    gate.stop()
    assert not any(gate.opens(exit=e) or gate.senses(exit=e) for e in (False, True))


def test_a_missing_protocol_library_names_the_driver_key() -> None:
    script = (
        "import sys\n"
        "sys.modules['pymodbus'] = None  # not installed\n"
        "from hardware.gate.factory import GateConfig, GateSetupError, make_gate\n"
        "try:\n"
        "    make_gate(GateConfig(driver='modbus-tcp', host='10.0.0.9'), None)\n"
        "except GateSetupError as error:\n"
        "    print(error.key, '|', error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("gate.driver | ")
    assert "needs the pymodbus package" in result.stdout


def test_importing_the_gate_drivers_loads_no_protocol_library_and_nothing_of_ours() -> None:
    modules = sorted(p.stem for p in (REPO / "hardware" / "gate").glob("*.py"))
    script = (
        "import sys\n"
        f"for name in {modules!r}:\n"
        "    __import__('hardware.gate.' + name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pymodbus', 'serial', 'requests', 'kiosk', 'config', 'ui', 'sandbox', 'PySide6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert len(modules) >= 9
