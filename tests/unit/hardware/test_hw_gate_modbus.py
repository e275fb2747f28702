"""Modbus gate drivers against pymodbus's own server: pulses timed at the module,
passages read from its inputs, the module unplugged and back, late commands dropped."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from hardware.gate.factory import GateConfig, make_gate
from hardware.gate.standin import StandInModule
from hardware.gate.wiring import GateDriver
from tests.gate_peers import NullModem, Reports, wait_until

PULSE_MS = 300
LATE_OFF_S = 0.4  # a loaded machine may switch off late; never this late


@pytest.fixture
def reports() -> Reports:
    return Reports()


def tcp_gate(module: StandInModule, reports: Reports, **changes: object) -> GateDriver:
    host, port = module.serve_tcp()
    config = GateConfig(
        driver="modbus-tcp", host=host, port=port, entry_coil=3, exit_coil=4,
        entry_passage_input=2, exit_passage_input=5, pulse_ms=PULSE_MS,
    )  # fmt: skip
    return make_gate(replace(config, **changes), reports)  # type: ignore[arg-type]


def test_a_pulse_holds_the_coil_for_pulse_ms_at_the_module(
    module: StandInModule, reports: Reports
) -> None:
    gate = tcp_gate(module, reports)
    gate.start()
    try:
        assert reports.wait_reachable()
        assert wait_until(lambda: len(module.writes) >= 2)
        # On connecting, both outputs are switched off: a relay left on stays on no longer.
        assert {(w.address, w.on) for w in module.writes} == {(3, False), (4, False)}

        gate.pulse(exit=False, command=7, within_s=2.0)

        assert reports.wait_result(7) is True
        assert wait_until(lambda: len(module.pulses(3)) == 1)
    finally:
        gate.stop()
    [(on, off)] = module.pulses(3)
    assert PULSE_MS / 1000 - 0.02 <= off - on <= PULSE_MS / 1000 + LATE_OFF_S
    assert module.switched_on(4) == []
    assert reports.passed == []


def test_the_exit_channel_pulses_its_own_coil(module: StandInModule, reports: Reports) -> None:
    gate = tcp_gate(module, reports)
    gate.start()
    try:
        assert gate.opens(exit=True) and gate.senses(exit=True)
        gate.pulse(exit=True, command=1, within_s=2.0)
        assert reports.wait_result(1) is True
        assert wait_until(lambda: len(module.pulses(4)) == 1)
    finally:
        gate.stop()
    assert module.switched_on(3) == []


def test_passages_are_read_from_the_inputs_as_rising_edges(
    module: StandInModule, reports: Reports
) -> None:
    gate = tcp_gate(module, reports)
    module.set_input(2, True)  # someone is still in the gate when the kiosk starts
    gate.start()
    try:
        assert reports.wait_reachable()
        requests = module.requests
        assert wait_until(lambda: module.requests >= requests + 3)  # polled, saw it on
        assert reports.passed == []

        module.set_input(2, False)
        assert wait_until(lambda: module.requests >= requests + 6)
        module.walk_through(2, hold_s=0.2)
        assert wait_until(lambda: len(reports.passed) == 1)
        module.walk_through(5, hold_s=0.2)
        assert wait_until(lambda: len(reports.passed) == 2)
    finally:
        gate.stop()
    assert [exit_ for exit_, _ in reports.passed] == [False, True]


def test_unplugged_and_back_raises_then_clears_and_replays_nothing(
    module: StandInModule, reports: Reports
) -> None:
    gate = tcp_gate(module, reports)
    gate.start()
    try:
        assert reports.wait_reachable()
        host, port = module.address
        module.stop()  # unplugged
        assert reports.wait_reachable(False, timeout=3)

        gate.pulse(exit=False, command=1, within_s=2.0)
        assert reports.wait_result(1, timeout=4) is False  # dropped, not kept for later

        module.serve_tcp(host, port)  # plugged back in, same address
        assert reports.wait_reachable(True, timeout=5)
        back = len(module.writes)
        requests = module.requests
        assert wait_until(lambda: module.requests >= requests + 20)  # a second of polls
    finally:
        gate.stop()
    assert [reachable for reachable, _ in reports.linked] == [True, False, True]
    assert reports.linked[1][1]  # says why
    assert module.switched_on(3) == []  # the dropped open never reached the module
    assert all(not w.on for w in module.writes[back - 2 :])


def test_a_second_open_waits_for_the_first_pulse_only_while_it_has_time(
    module: StandInModule, reports: Reports
) -> None:
    gate = tcp_gate(module, reports, pulse_ms=600)
    gate.start()
    try:
        assert reports.wait_reachable()
        gate.pulse(exit=False, command=1, within_s=2.0)
        gate.pulse(exit=False, command=2, within_s=2.0)  # time enough: a second pulse
        gate.pulse(exit=False, command=3, within_s=0.3)  # behind two pulses: too late
        assert reports.wait_result(3) is False
        assert reports.wait_result(2) is True
        assert wait_until(lambda: len(module.pulses(3)) == 2)
    finally:
        gate.stop()
    (_, first_off), (second_on, _) = module.pulses(3)
    assert second_on - first_off >= 0.09  # a gap the turnstile can count
    assert len(module.switched_on(3)) == 2


def test_a_coil_the_module_does_not_have_says_so_and_opens_nothing(
    module: StandInModule, reports: Reports
) -> None:
    gate = tcp_gate(module, reports, entry_coil=40)
    gate.start()
    try:
        assert reports.wait_reachable(False)
        gate.pulse(exit=False, command=1, within_s=0.5)
        assert reports.wait_result(1) is False
    finally:
        gate.stop()
    assert "coil 40" in str(reports.linked[0][1])
    assert "illegal data address" in str(reports.linked[0][1])


def test_stop_switches_a_pulsing_coil_off_and_is_idempotent(
    module: StandInModule, reports: Reports
) -> None:
    gate = tcp_gate(module, reports, pulse_ms=5000)
    gate.start()
    assert reports.wait_reachable()
    gate.pulse(exit=False, command=1, within_s=2.0)
    assert reports.wait_result(1) is True

    gate.stop()
    gate.stop()

    assert len(module.pulses(3)) == 1  # switched off at stop, long before 5 s


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals on this platform")
def test_modbus_rtu_over_a_serial_line(module: StandInModule, reports: Reports) -> None:
    line = NullModem()
    try:
        module.serve_rtu(line.port_a)
        config = GateConfig(
            driver="modbus-rtu", serial_port=line.port_b, baud=9600, entry_coil=1,
            entry_passage_input=0, pulse_ms=PULSE_MS,
        )  # fmt: skip
        gate = make_gate(config, reports)
        gate.start()
        try:
            assert reports.wait_reachable()
            gate.pulse(exit=False, command=1, within_s=2.0)
            assert reports.wait_result(1) is True
            assert wait_until(lambda: len(module.pulses(1)) == 1)
            module.walk_through(0, hold_s=0.2)
            assert wait_until(lambda: len(reports.passed) == 1)

            module.stop()  # the module loses power: requests go unanswered
            assert reports.wait_reachable(False, timeout=4)
            module.serve_rtu(line.port_a)
            assert reports.wait_reachable(True, timeout=6)
        finally:
            gate.stop()
    finally:
        module.stop()
        line.close()
    [(on, off)] = module.pulses(1)
    assert PULSE_MS / 1000 - 0.02 <= off - on <= PULSE_MS / 1000 + LATE_OFF_S
    assert [r for r, _ in reports.linked] == [True, False, True]
