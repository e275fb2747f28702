"""Finding the kiosk's widgets from outside its process, as a screen reader does:
the AT-SPI accessibility tree on the accessibility D-Bus (Qt publishes it on
Linux when the bus runs with accessibility on). A small client over jeepney
(pure-Python D-Bus): names, roles, states, text and on-screen extents.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jeepney import DBusAddress, Properties, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

ACCESSIBLE = "org.a11y.atspi.Accessible"
COMPONENT = "org.a11y.atspi.Component"
TEXT = "org.a11y.atspi.Text"
ROOT = "/org/a11y/atspi/accessible/root"
REGISTRY = "org.a11y.atspi.Registry"
SCREEN_COORDS = 0

# AtspiStateType bits.
FOCUSED = 12
SHOWING = 25
ENABLED = 8
CHECKED = 4


@dataclass(frozen=True)
class Node:
    """One accessible object of an application."""

    bus: str
    path: str
    name: str
    role: str

    def __str__(self) -> str:
        return f"{self.role} {self.name!r}"


class Accessibility:
    """The accessibility bus of a desktop session (its session bus address)."""

    def __init__(self, session_address: str) -> None:
        session = open_dbus_connection(session_address)
        try:
            bus = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
            address = session.send_and_get_reply(new_method_call(bus, "GetAddress")).body[0]
        finally:
            session.close()
        self._conn: DBusConnection = open_dbus_connection(address)

    def close(self) -> None:
        self._conn.close()

    # -- raw calls -----------------------------------------------------------------

    def _call(
        self, bus: str, path: str, interface: str, method: str, sig: str = "", *body: Any
    ) -> Any:
        message = new_method_call(
            DBusAddress(path, bus_name=bus, interface=interface), method, sig or None, body
        )
        reply = self._conn.send_and_get_reply(message, timeout=10)
        if reply.header.message_type.name == "error":
            raise LookupError(f"{interface}.{method} on {path}: {reply.body}")
        return reply.body

    def _property(self, bus: str, path: str, name: str) -> Any:
        address = DBusAddress(path, bus_name=bus, interface=ACCESSIBLE)
        reply = self._conn.send_and_get_reply(Properties(address).get(name), timeout=10)
        return reply.body[0][1]

    # -- applications ----------------------------------------------------------------

    def application(self, pid: int) -> Node:
        """The application the process *pid* published (raises LookupError until it has)."""
        apps = self._call(REGISTRY, ROOT, ACCESSIBLE, "GetChildren")[0]
        bus_daemon = "org.freedesktop.DBus"
        dbus = DBusAddress("/org/freedesktop/DBus", bus_name=bus_daemon, interface=bus_daemon)
        for bus, path in apps:
            message = new_method_call(dbus, "GetConnectionUnixProcessID", "s", (bus,))
            reply = self._conn.send_and_get_reply(message, timeout=10)
            if reply.body and reply.body[0] == pid:
                return self.node(bus, path)
        raise LookupError(f"no accessible application for process {pid}")

    def node(self, bus: str, path: str) -> Node:
        name = self._property(bus, path, "Name")
        role = self._call(bus, path, ACCESSIBLE, "GetRoleName")[0]
        return Node(bus, path, name, role)

    # -- the tree ------------------------------------------------------------------

    def children(self, node: Node) -> list[Node]:
        found = self._call(node.bus, node.path, ACCESSIBLE, "GetChildren")[0]
        return [self.node(bus, path) for bus, path in found]

    def walk(self, node: Node, *, showing_only: bool = True) -> Iterator[Node]:
        """*node* and what is under it, depth first; hidden branches skipped."""
        for child in self.children(node):
            if showing_only and not self.has_state(child, SHOWING):
                continue
            yield child
            yield from self.walk(child, showing_only=showing_only)

    def find_all(
        self,
        root: Node,
        *,
        name: str | None = None,
        role: str | None = None,
        contains: str | None = None,
    ) -> list[Node]:
        return [
            node
            for node in self.walk(root)
            if (name is None or node.name == name)
            and (role is None or node.role == role)
            and (contains is None or contains in node.name)
        ]

    def find(
        self,
        root: Node,
        *,
        name: str | None = None,
        role: str | None = None,
        contains: str | None = None,
    ) -> Node:
        """The one showing widget with this name (and role); LookupError otherwise."""
        found = self.find_all(root, name=name, role=role, contains=contains)
        if len(found) != 1:
            what = f"name={name!r} role={role!r} contains={contains!r}"
            raise LookupError(f"{len(found)} showing widgets with {what}: {found[:5]}")
        return found[0]

    # -- one node ------------------------------------------------------------------

    def name(self, node: Node) -> str:
        return str(self._property(node.bus, node.path, "Name"))

    def states(self, node: Node) -> set[int]:
        low, high = self._call(node.bus, node.path, ACCESSIBLE, "GetState")[0]
        bits = low | (high << 32)
        return {bit for bit in range(64) if bits & (1 << bit)}

    def has_state(self, node: Node, state: int) -> bool:
        return state in self.states(node)

    def extents(self, node: Node) -> tuple[int, int, int, int]:
        """x, y, width, height on the screen."""
        x, y, w, h = self._call(node.bus, node.path, COMPONENT, "GetExtents", "u", SCREEN_COORDS)[0]
        return int(x), int(y), int(w), int(h)

    def centre(self, node: Node) -> tuple[int, int]:
        x, y, w, h = self.extents(node)
        return x + w // 2, y + h // 2

    def text(self, node: Node) -> str:
        """The text of an editable field."""
        return str(self._call(node.bus, node.path, TEXT, "GetText", "ii", 0, -1)[0])
