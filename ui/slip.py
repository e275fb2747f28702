"""The referral slip a passenger carries to the doctor room: the ticket, where
to go, and why, in Kazakh, Russian and English. Printed on the configured
printer, or saved as a PDF in the data folder when there is none.

The slip names no one (no IIN, no masked id, no name): the doctor room sees
the passenger's details on its own screen, by ticket.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPen

from kiosk.referrals.values import Referral
from ui import words
from ui.i18n import Languages
from ui.words import QT_TRANSLATE_NOOP

TITLE = QT_TRANSLATE_NOOP("Slip", "REFERRAL TO THE DOCTOR")
GO_TO = QT_TRANSLATE_NOOP("Slip", "Go to: %1")
SHOW_IT = QT_TRANSLATE_NOOP("Slip", "Show this slip to the doctor.")
STATUS = QT_TRANSLATE_NOOP("Slip", "Status shown: %1")
DESK = QT_TRANSLATE_NOOP("Slip", "Desk %1, %2")
NO_ROOM = QT_TRANSLATE_NOOP("Slip", "the doctor room (ask staff the way)")

SLIP_MM = (80.0, 120.0)  # a receipt printer's roll, or a corner of A4


@dataclass(frozen=True)
class SlipPlace:
    """Where the slip is from and where it sends the passenger."""

    venue: str
    gate: str
    doctor_room: str


def paint_slip(
    painter: QPainter, page: QRectF, referral: Referral, place: SlipPlace, languages: Languages
) -> None:
    """Draw the slip filling *page* (any device: printer, PDF, image)."""
    unit = page.height() / 66
    black = QColor("#000000")
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(page, QColor("#FFFFFF"))
    y = page.top()

    def line(text: str, size: float, *, bold: bool = False, gap: float = 0.6) -> None:
        nonlocal y
        font = QFont(painter.font())
        font.setPixelSize(max(6, int(size * unit)))
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(black)
        box = QRectF(page.left(), y, page.width(), page.bottom() - y)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        used = painter.boundingRect(box, flags, text)
        painter.drawText(box, flags, text)
        y += used.height() + gap * unit

    def each(source: str, *args: object) -> list[str]:
        return [words.fill(languages.text(lang, "Slip", source), *args) for lang in languages.order]

    line(place.venue + (f" · {place.gate}" if place.gate else ""), 2.2)
    for text in each(TITLE):
        line(text, 2.4, bold=True, gap=0.2)
    y += unit
    line(referral.ticket, 8.0, bold=True)
    painter.setPen(QPen(black, max(1.0, unit * 0.2)))
    painter.drawLine(int(page.left()), int(y), int(page.right()), int(y))
    y += unit
    room = place.doctor_room
    for lang in languages.order:
        where = room or languages.text(lang, "Slip", NO_ROOM)
        line(words.fill(languages.text(lang, "Slip", GO_TO), where), 2.4, bold=True, gap=0.3)
    y += unit
    if referral.status_shown is not None:
        status = " · ".join(
            languages.text(lang, words.CONTEXT, words.STATUS[referral.status_shown])
            for lang in languages.order
        )
        line(words.fill(languages.text(languages.order[0], "Slip", STATUS), status), 2.0)
    opened = dt.datetime.fromtimestamp(referral.opened_at).strftime("%Y-%m-%d %H:%M")
    line(words.fill(languages.text(languages.order[0], "Slip", DESK), referral.desk, opened), 2.0)
    y += unit
    for text in each(SHOW_IT):
        line(text, 1.9, gap=0.2)
    painter.restore()


def slip_image(
    referral: Referral, place: SlipPlace, languages: Languages, *, width: int = 480
) -> QImage:
    """The slip as a picture (for the screen and the documentation)."""
    height = int(width * SLIP_MM[1] / SLIP_MM[0])
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    margin = width * 0.05
    paint_slip(
        painter, QRectF(margin, margin, width - 2 * margin, height - 2 * margin), referral,
        place, languages,
    )  # fmt: skip
    painter.end()
    return image


def print_slip(
    referral: Referral,
    place: SlipPlace,
    languages: Languages,
    *,
    printer_name: str,
    folder: Path,
) -> str:
    """Print on *printer_name*; with none (or none found), save a PDF in *folder*.

    Returns where the slip went: the printer's name, or the PDF's path.
    """
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    info = QPrinterInfo.printerInfo(printer_name) if printer_name else None
    if info is not None and not info.isNull():
        printer.setPrinterName(printer_name)
        target = printer_name
    else:
        folder.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.fromtimestamp(referral.opened_at).strftime("%Y%m%d")
        path = folder / f"{stamp}-{referral.ticket}.pdf"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        target = str(path)
    printer.setPageSize(QPageSize(QSizeF(*SLIP_MM), QPageSize.Unit.Millimeter, "slip"))
    printer.setPageMargins(QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(f"cannot print the slip to {target}")
    try:
        page = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        page.moveTo(0, 0)
        paint_slip(painter, page, referral, place, languages)
    finally:
        painter.end()
    return target
