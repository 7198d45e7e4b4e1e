"""QR codes for the renderers, made offline with segno: a module matrix, a PNG and an SVG."""

from __future__ import annotations

import io

import segno


def _code(target: str) -> segno.QRCode:
    # Error correction level M: readable when printed small or slightly damaged.
    return segno.make_qr(target, error="m", boost_error=False)


def qr_matrix(target: str) -> list[list[bool]]:
    """The dark (True) and light modules of the code for ``target``, row by row, without the
    quiet zone."""
    return [[bool(m) for m in row] for row in _code(target).matrix]


def qr_png(target: str, scale: int = 8) -> bytes:
    """The code for ``target`` as a black-on-white PNG with its quiet zone."""
    buf = io.BytesIO()
    _code(target).save(buf, kind="png", scale=scale, border=4)
    return buf.getvalue()


def qr_svg(target: str, title: str) -> str:
    """The code for ``target`` as an inline SVG element titled ``title`` (escaped by segno)."""
    buf = io.BytesIO()
    _code(target).save(
        buf,
        kind="svg",
        scale=4,
        border=4,
        xmldecl=False,
        svgns=True,
        title=title,
        svgclass="qr",
        lineclass=None,
        omitsize=False,
    )
    return buf.getvalue().decode("utf-8")
