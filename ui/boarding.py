"""The airport half of the screens: Refer to doctor at a boarding desk (the
dialog, the visitor's screen with the ticket, the printed slip), the venue's
referrals, and the doctor room resolving them.

Only staff refer: the passenger's screen says a referral is possible, and
the button is on the staff panel (a passenger at a touch screen never
reaches a staff dialog)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from config.settings import Settings
from kiosk.decision import Decision
from kiosk.desk import DeskController
from kiosk.desksettings import DeskRole
from kiosk.referrals.values import Referral, ReferralOutcome
from ui import words
from ui.bridge import DeskBridge
from ui.i18n import Languages
from ui.placement import centre_over
from ui.referrals_view import ReferralDialog, ReferralsView
from ui.slip import SlipPlace, print_slip
from ui.staff import StaffPanel
from ui.visitor import VisitorView
from ui.wording import Phrase, who
from ui.words import QT_TRANSLATE_NOOP

REFERRALS_TAB = QT_TRANSLATE_NOOP("Boarding", "Referrals")
DOCTOR_TAB = QT_TRANSLATE_NOOP("Boarding", "Doctor room")
SLIP_PRINTED = QT_TRANSLATE_NOOP("Boarding", "Slip for %1: %2")
REFERRAL_DROPPED = QT_TRANSLATE_NOOP(
    "Boarding", "Referral of %1 not sent: the next passenger was checked. Refer again if needed."
)


class BoardingDesk(QObject):
    """Wires the referral flow between the screens and the desk controller: the
    staff panel, the visitor's view, the desk's window (dialogs open over it) and
    the languages the slip is printed in."""

    def __init__(
        self,
        staff: StaffPanel,
        visitor: VisitorView,
        window: QWidget,
        languages: Languages,
        controller: DeskController,
        bridge: DeskBridge,
        settings: Settings,
        *,
        slips: Path,
        operator: Callable[[], str],
        ask_doctor: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._staff = staff
        self._visitor = visitor
        self._window = window
        self._languages = languages
        self._controller = controller
        self._settings = settings
        self._slips = slips
        self._operator = operator
        self._ask_doctor = ask_doctor
        self.doctor_room = settings.venue.role is DeskRole.DOCTOR
        self.last_slip: str | None = None
        staff.set_boarding()
        # In the doctor room a decision counts once confirmed, and with the doctor
        # PIN when one is set (the room's screen may be left unattended).
        pin = ask_doctor if self.doctor_room and settings.pins.doctor else None
        self.referrals = ReferralsView(doctor=self.doctor_room, authorise=pin, parent=staff)
        self.referrals.resolved.connect(self._on_referrals_resolved)
        staff.add_tab(
            self.referrals,
            DOCTOR_TAB if self.doctor_room else REFERRALS_TAB,
            context="Boarding",
            index=0 if self.doctor_room else 1,
        )
        if self.doctor_room:
            staff.tabs.setCurrentWidget(self.referrals)
        else:
            staff.last.referrals = True
            visitor.scan.set_boarding()
            staff.refer_requested.connect(self._on_refer_requested)
        self.dialog: ReferralDialog | None = None
        self._doctor_window: QDialog | None = None
        self._doctor_view: ReferralsView | None = None
        bridge.referral_opened.connect(self._on_bridge_referral_opened)
        bridge.referrals_changed.connect(self._on_bridge_referrals_changed)
        bridge.decision_shown.connect(self._on_bridge_decision_shown)

    def open_doctor_screen(self) -> None:
        """A desk's own doctor screen, behind the doctor PIN."""
        if not self._ask_doctor():
            return
        window = QDialog(self._window)
        window.setWindowTitle(words.say_in("Boarding", DOCTOR_TAB))
        view = ReferralsView(doctor=True, parent=window)  # the PIN was just given
        view.show_referrals(self.referrals.referrals)
        view.resolved.connect(self._on_referrals_resolved)
        QVBoxLayout(window).addWidget(view)
        window.resize(1100, 600)
        window.finished.connect(self._on_doctor_window_finished)
        self._doctor_window, self._doctor_view = window, view
        window.open()

    def _on_doctor_window_finished(self) -> None:
        if self._doctor_window is not None:
            self._doctor_window.deleteLater()
        self._doctor_window = self._doctor_view = None

    # -- staff actions ------------------------------------------------------------

    def _on_refer_requested(self, decision: Decision) -> None:
        """Ask why (a window of its own, over the staff side: the desk keeps
        running behind it, and the passenger's screen stays in view)."""
        if self.dialog is not None:
            self.dialog.close()
        dialog = ReferralDialog(decision, self._window)
        centre_over(dialog, self._staff)
        dialog.accepted.connect(
            lambda: self._controller.open_referral(decision.id, dialog.reason, dialog.note_text)
        )
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _on_referrals_resolved(self, referral_id: str, outcome: ReferralOutcome, note: str) -> None:
        self._controller.resolve_referral(referral_id, outcome, note, self._operator())

    # -- news from the desk ------------------------------------------------------------

    def _on_bridge_decision_shown(self, decision: Decision) -> None:
        """The next passenger: a referral dialog still open for the one before is
        closed, so it can never be sent under someone else's decision."""
        dialog = self.dialog
        if dialog is None or dialog.decision.id == decision.id:
            return
        if decision.iin is not None and decision.iin == dialog.decision.iin:
            return  # the same passenger again: the dialog is still theirs
        dialog.reject()
        self._staff.show_notice(REFERRAL_DROPPED, who(dialog.decision), context="Boarding")

    def _on_bridge_referral_opened(self, referral: Referral) -> None:
        if not referral.mine:
            return
        visitor = self._visitor
        decision = visitor.status.decision
        room = self._settings.boarding.doctor_room
        detail = (
            Phrase(words.TICKET, (referral.ticket, room))
            if room
            else Phrase(words.TICKET_NO_ROOM, (referral.ticket,))
        )
        if decision is not None:
            visitor.show_decision(decision, referred=True, detail=detail)
        self.last_slip = self._print(referral)

    def _on_bridge_referrals_changed(self, referrals: tuple[Referral, ...]) -> None:
        self.referrals.show_referrals(referrals)
        if self._doctor_view is not None:
            self._doctor_view.show_referrals(referrals)

    def _print(self, referral: Referral) -> str | None:
        boarding = self._settings.boarding
        place = SlipPlace(self._settings.venue.name, boarding.gate, boarding.doctor_room)
        try:
            where = print_slip(
                referral,
                place,
                self._languages,
                printer_name=boarding.printer,
                folder=self._slips,
            )
        except OSError as exc:
            where = str(exc)
        self._staff.show_notice(SLIP_PRINTED, referral.ticket, where, context="Boarding")
        return where


def slip_folder(data_dir: Path) -> Path:
    """Where slips go as PDFs when no printer is set (they name no one)."""
    return data_dir / "referral-slips"
