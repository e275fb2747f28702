"""Give the X input focus to PointerRoot ($DISPLAY): keys go to the window under
the pointer. With --query, print the focus window instead (1: PointerRoot)."""

import ctypes
import ctypes.util
import sys

xlib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
xlib.XOpenDisplay.restype = ctypes.c_void_p
xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
xlib.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
display = xlib.XOpenDisplay(None)
if not display:
    sys.exit("pointer_root: no display")
POINTER_ROOT = REVERT_TO_POINTER_ROOT = 1
if sys.argv[1:] == ["--query"]:
    xlib.XGetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    window, revert = ctypes.c_ulong(), ctypes.c_int()
    xlib.XGetInputFocus(display, ctypes.byref(window), ctypes.byref(revert))
    print(window.value)
else:
    xlib.XSetInputFocus(display, POINTER_ROOT, REVERT_TO_POINTER_ROOT, 0)
    xlib.XSync(display, 0)
xlib.XCloseDisplay(display)
