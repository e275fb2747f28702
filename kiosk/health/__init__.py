"""The desk's health: what `ashyq-kiosk doctor`, the staff panel's Desk health
view and the kiosk's start-up check report, as values (no wording, no Qt).

The measurements are taken by the composition root (it owns the devices and
the network); this package judges them (:mod:`kiosk.health.rules`), keeps
the record of the kiosk's runs that tells a crash loop
(:mod:`kiosk.health.runs`), and names every check and reason
(:mod:`kiosk.health.values`).
"""
