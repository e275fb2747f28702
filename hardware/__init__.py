"""The kiosk's hardware layer: camera capture, code decoding, scanner input.

No Qt and nothing else of the kiosk: everything here runs and tests
headless. Workers are plain threads that report through callbacks; the UI
layer bridges them to queued signals. See docs/hardware.md.
"""
