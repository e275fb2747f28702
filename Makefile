# ashyq-kiosk: the two set-up commands are `make demo` and `make test`.
# Both create .venv when missing, install the project with what it needs
# (Debian packages too, when running as root) and then do their job.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Shared libraries Qt (offscreen and X11 platforms, QtMultimedia), OpenCV
# and pyzbar load. The screens' font ships in ui/fonts (Noto Sans, OFL).
# The real-window tests (tests/x11): an X server, X input and keyboard
# layouts, a window manager, the session and accessibility buses, xprop.
# systemd-analyze checks the unit `ashyq-kiosk install` writes.
APT_PACKAGES := libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 \
                libglib2.0-0 libzbar0 libpulse0 libxkbcommon-x11-0 \
                libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
                libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 \
                xvfb xdotool x11-xkb-utils xkb-data openbox dbus-daemon \
                at-spi2-core x11-utils systemd

.PHONY: demo test lint check-layers unit rest x11 bench clean system-packages screenshots translations dist

demo: $(STAMP)
	$(BIN)/ashyq-kiosk demo

test: $(STAMP) lint check-layers unit rest x11

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check-layers: $(STAMP)
	$(BIN)/lint-imports

# The domain tests run with PySide6 made unimportable: the core must not need Qt.
unit: $(STAMP)
	ASHYQ_BLOCK_QT=1 $(BIN)/python -m pytest -p no:pytest-qt tests/unit

rest: $(STAMP)
	$(BIN)/python -m pytest tests/integration $(wildcard tests/ui) tests/dist

# `ashyq-kiosk run` on Xvfb, driven through X input only (skipped, saying why,
# where Xvfb cannot start).
x11: $(STAMP)
	$(BIN)/python -m pytest tests/x11

# The screens as the demo shows them, for docs/screenshots and the README.
screenshots: $(STAMP)
	rm -f docs/screenshots/*.png docs/screenshots/airport/*.png
	env -u QT_QPA_PLATFORM $(BIN)/ashyq-kiosk demo --headless --screenshots docs/screenshots --pace 0.5 >/dev/null
	env -u QT_QPA_PLATFORM $(BIN)/ashyq-kiosk demo --headless --airport \
	  --screenshots docs/screenshots/airport --pace 0.5 >/dev/null

# Qt Linguist: refresh the .ts sources from ui/, then compile the .qm files.
translations: $(STAMP)
	$(BIN)/pyside6-lupdate ui/*.py -ts ui/translations/ashyq_kk.ts \
	  ui/translations/ashyq_ru.ts ui/translations/ashyq_en.ts -no-obsolete
	$(BIN)/pyside6-lrelease ui/translations/ashyq_kk.ts ui/translations/ashyq_ru.ts \
	  ui/translations/ashyq_en.ts

# The one-folder bundle in dist/ashyq-kiosk (PyInstaller, packaging/ashyq-kiosk.spec),
# then its smoke test: `demo --headless` and `doctor` in a bare environment.
dist: $(STAMP)
	$(BIN)/python -m pip install -q -e ".[dev,dist]"
	rm -rf dist/ashyq-kiosk
	nice -n 10 $(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/ashyq-kiosk.spec
	$(BIN)/python -m pytest tests/dist

bench: $(STAMP)
	$(BIN)/python bench/desk_flow.py
	$(BIN)/python bench/sync.py
	$(BIN)/python bench/sandbox_intake.py
	$(BIN)/python bench/decode.py
	$(BIN)/python bench/latency.py
	$(BIN)/python bench/dashboard.py
	$(BIN)/python bench/gate.py

system-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "Not a Debian system; make sure these are installed:$$missing"; exit 0; fi; \
	if [ "$$(id -u)" = "0" ]; then \
	  echo "Installing system packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "Missing system packages (install them as root):$$missing"; fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	@$(MAKE) --no-print-directory system-packages
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info
