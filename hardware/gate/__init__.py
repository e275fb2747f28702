"""Gate drivers: turnstiles and doors behind a relay, with optional passage sensors.

`make_gate` builds the configured one: `modbus-tcp`, `modbus-rtu` (a Modbus
I/O module), `http` (a networked relay), `serial-relay` (a USB relay
board) or `none`. Each runs on its own thread (`worker`) and fits the
domain's gate port by its shape. The protocol libraries are imported when
a driver connects, not when this package is imported.
"""
