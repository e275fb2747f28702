"""Save a screenshot of the whole X screen ($DISPLAY) as PNG: `python grab.py FILE`."""

import sys

from PySide6.QtGui import QGuiApplication

app = QGuiApplication(["grab", "-platform", "xcb"])
screen = app.primaryScreen()
if screen is None or not screen.grabWindow(0).save(sys.argv[1]):
    sys.exit("grab: nothing saved")
