"""The gate: a turnstile or door the desk opens after an admit.

`port` is what a driver does and reports (the drivers live in
`hardware/gate`); `keeper` owns the rules (when to open, what a missing
passage means); `values` is what the keeper answers and tells; `inbox`
carries the driver's reports to the keeper's thread.
"""
