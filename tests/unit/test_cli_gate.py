"""`ashyq-kiosk gate test` and `gate status` against pymodbus's server on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import main
from hardware.gate.standin import StandInModule

COIL, SENSOR, EXIT_COIL, EXIT_SENSOR = 0, 0, 1, 1


def config(tmp_path: Path, **gate: object) -> Path:
    lines = ["[gate]"] + [f"{key} = {json.dumps(value)}" for key, value in gate.items()]
    path = tmp_path / "kiosk.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def modbus(tmp_path: Path, module: StandInModule, **more: object) -> Path:
    host, port = module.serve_tcp()
    values: dict[str, object] = {
        "driver": "modbus-tcp", "host": host, "port": port, "entry_coil": COIL,
        "entry_passage_input": SENSOR, "exit_coil": EXIT_COIL, "exit_passage_input": EXIT_SENSOR,
        "pulse_ms": 200, "passage_timeout_s": 1,
    }  # fmt: skip
    return config(tmp_path, **(values | more))


def run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, dict, str]:
    code = main(["--config", str(path), "gate", *args])
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    return code, (json.loads(lines[0]) if lines else {}), captured.err


def test_a_visitor_walking_through_passes_the_test(
    tmp_path: Path, module: StandInModule, capsys: pytest.CaptureFixture[str]
) -> None:
    path = modbus(tmp_path, module)
    module.turnstile(COIL, SENSOR, walks=lambda: True, after_s=0.3, hold_s=0.2)

    code, out, _ = run(capsys, path, "test")

    assert code == 0
    assert out["result"] == "passage" and out["passage"] is True
    assert (out["driver"], out["direction"], out["reachable"], out["pulsed"]) == (
        "modbus-tcp", "entry", True, True,
    )  # fmt: skip
    assert out["sensor"] is True and 0.3 <= out["seconds"] < 1.5
    assert len(module.pulses(COIL)) == 1 and module.switched_on(EXIT_COIL) == []


def test_nobody_walking_through_fails_the_test(
    tmp_path: Path, module: StandInModule, capsys: pytest.CaptureFixture[str]
) -> None:
    path = modbus(tmp_path, module)
    module.turnstile(EXIT_COIL, EXIT_SENSOR, walks=lambda: False)

    code, out, _ = run(capsys, path, "test", "--exit")

    assert code == 1
    assert (out["result"], out["direction"], out["passage"]) == ("no_passage", "exit", False)
    assert out["seconds"] >= 1
    assert len(module.pulses(EXIT_COIL)) == 1 and module.switched_on(COIL) == []


def test_a_gate_without_a_sensor_passes_once_pulsed(
    tmp_path: Path, module: StandInModule, capsys: pytest.CaptureFixture[str]
) -> None:
    path = modbus(tmp_path, module, entry_passage_input=-1, exit_passage_input=-1)

    code, out, _ = run(capsys, path, "test")

    assert code == 0
    assert (out["result"], out["sensor"], out["passage"]) == ("pulsed", False, None)


def test_an_unreachable_gate_fails_the_test_and_the_status(
    tmp_path: Path, module: StandInModule, capsys: pytest.CaptureFixture[str]
) -> None:
    path = modbus(tmp_path, module)
    module.stop()

    code, out, _ = run(capsys, path, "test")
    assert code == 1
    assert (out["result"], out["reachable"], out["pulsed"]) == ("unreachable", False, False)
    assert out["detail"]

    code, status, _ = run(capsys, path, "status")
    assert code == 1
    assert status["reachable"] is False and status["detail"]


def test_status_says_what_is_there_and_switches_nothing(
    tmp_path: Path, module: StandInModule, capsys: pytest.CaptureFixture[str]
) -> None:
    path = modbus(tmp_path, module, exit_passage_input=-1)

    code, out, _ = run(capsys, path, "status")

    assert code == 0
    assert out == {
        "driver": "modbus-tcp",
        "present": True,
        "address": "{}:{}".format(*module.address),
        "reachable": True,
        "detail": None,
        "entry": {"output": COIL, "sensor": SENSOR},
        "exit": {"output": EXIT_COIL, "sensor": None},
        "pulse_ms": 200,
        "passage_timeout_s": 1.0,
    }
    assert module.writes == []


def test_no_gate_configured(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = config(tmp_path, driver="none")

    code, out, _ = run(capsys, path, "status")
    assert code == 0
    assert (out["present"], out["reachable"], out["exit"]) == (False, None, None)

    code, out, err = run(capsys, path, "test")
    assert code == 2 and out == {}
    assert "gate.driver" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("gate", "args", "key"),
    [
        ({"driver": "modbus-tcp", "host": "127.0.0.1", "exit_coil": -1}, ["--exit"], "exit_coil"),
        ({"driver": "modbus-tcp"}, [], "gate.host"),
        ({"driver": "modbus-tcp", "host": "h", "pulse_ms": 1}, [], "gate.pulse_ms"),
        ({"driver": "modbus-tcp", "host": "h", "coil": 1}, [], "gate.coil"),
    ],
)
def test_bad_settings_are_exit_2_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], gate: dict, args: list[str], key: str
) -> None:
    code, out, err = run(capsys, config(tmp_path, **gate), "test", *args)
    assert code == 2 and out == {}
    assert key in err and "Traceback" not in err
