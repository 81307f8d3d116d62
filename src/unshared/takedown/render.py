"""A notice's sections written three ways with the same content: plain text (the email's body and
the download), HTML (self-contained: no script, no external resource, every value escaped) and
PDF (fpdf2, pure Python; attached to the email and offered as a download).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from unshared.takedown.notices import NoticeFacts, Section, sections, subject

#: A Unicode TrueType font for the PDF where the system has one (names in any script); without
#: it the PDF uses Helvetica and shows characters outside Latin-1 as "?". Text and HTML are exact.
_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)


@dataclass(frozen=True)
class RenderedNotice:
    subject: str
    text: str
    html: str
    pdf: bytes
    #: Where the host's replies go: the operator, or the person when they asked for that.
    reply_to: str
    #: Base name for the files offered for download and attached (``.txt``, ``.html``, ``.pdf``).
    filename: str


def render(facts: NoticeFacts) -> RenderedNotice:
    """Check the facts (``InvalidInput`` naming what is missing) and write the notice."""
    parts = sections(facts)
    title = subject(facts)
    safe_case = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in facts.case_number)
    return RenderedNotice(
        subject=title,
        text=to_text(title, parts),
        html=to_html(title, parts),
        pdf=to_pdf(title, parts),
        reply_to=facts.notifier.reply_to,
        filename=f"notice-{facts.regime.value}-{safe_case}",
    )


def to_text(title: str, parts: list[Section]) -> str:
    out = [title, "=" * min(len(title), 78), ""]
    for part in parts:
        out += [part.heading, "-" * len(part.heading), *part.lines]
        if part.source:
            out.append(f"(Legal basis: {part.source}.)")
        out.append("")
    return "\n".join(out)


_STYLE = (
    "body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;"
    "color:#1a1a1a}h1{font-size:1.3em}h2{font-size:1.05em;margin-top:1.6em}"
    "p{margin:.3em 0;overflow-wrap:anywhere}.source{color:#555;font-size:.9em}"
)


def to_html(title: str, parts: list[Section]) -> str:
    """A standalone page: inline style only, no link, script or image; every value escaped."""
    e = html.escape
    body = [f"<h1>{e(title)}</h1>"]
    for part in parts:
        body.append(f'<section id="{e(part.key)}"><h2>{e(part.heading)}</h2>')
        body += [f"<p>{e(line)}</p>" for line in part.lines]
        if part.source:
            body.append(f'<p class="source">Legal basis: {e(part.source)}.</p>')
        body.append("</section>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>{e(title)}</title><style>{_STYLE}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def to_pdf(title: str, parts: list[Section]) -> bytes:
    # Imported here: fpdf2 (and the font tools it loads) costs the server's start most of a
    # second, and only a notice written as PDF needs it.
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_creator("Unshared")
    font = next((f for f in _FONTS if f.is_file()), None)
    family = "Helvetica"
    if font is not None:
        family = "NoticeSans"
        pdf.add_font(family, fname=str(font))
    pdf.set_margins(20, 20, 20)
    pdf.add_page()

    def write(text: str, size: float, height: float) -> None:
        if font is None:
            text = text.encode("latin-1", "replace").decode("latin-1")
        pdf.set_font(family, size=size)
        pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")

    write(title, 14, 7)
    for part in parts:
        pdf.ln(3)
        write(part.heading, 12, 6)
        for line in part.lines:
            write(line, 10, 5)
        if part.source:
            write(f"(Legal basis: {part.source}.)", 9, 5)
    return bytes(pdf.output())
