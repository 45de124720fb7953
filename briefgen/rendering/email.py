"""Brief + Audience -> the e-mail body sent with the PDF: HTML made for mail clients
(``templates/email/brief.html``: inline styles, tables, bars as tables, no SVG or scripts)
and a plain-text part for clients that show no HTML. Same context as every brief."""

from __future__ import annotations

import textwrap

from briefgen.audience import Audience
from briefgen.model import Brief
from briefgen.rendering.context import build_context
from briefgen.rendering.html import make_environment

TEMPLATE = "email/brief.html"


def render_email_html(brief: Brief, audience: Audience) -> str:
    """The built-in e-mail body (user template folders are for the PDF/HTML brief)."""
    return make_environment().get_template(TEMPLATE).render(build_context(brief, audience))


def render_email_text(brief: Brief, audience: Audience) -> str:
    """The same gist as plain text, wrapped at 72 columns."""
    ctx = build_context(brief, audience)

    def wrap(text: str, first: str = "   ", rest: str = "   ") -> list[str]:
        return textwrap.wrap(text, width=72, initial_indent=first, subsequent_indent=rest)

    out = [f"{audience.title} — {ctx['date_label']}", ""]
    if not ctx["stories"]:
        out.append("No usable articles were found.")
    for story in ctx["stories"]:
        age = story.age.capitalize() + (f", first reported {story.first_reported}" if story.first_reported else "") \
            + (f", updated {story.updated}" if story.updated else "")
        out += [f"{story.number}. {story.headline}", f"   {age}"]
        gist = story.takeaway or (story.lines[0] if story.lines else None)
        if gist:
            out += wrap(gist.text)
        for fact in story.facts[:3]:
            out += wrap(fact.text, "   - ", "     ")
        out.append("")
    q = ctx["quote_of_the_day"]
    if q:
        who = ", ".join(x for x in (q.speaker or "Unattributed", q.role) if x)
        out += ["Quote of the day:", *wrap(f"“{q.text.strip(' ,;:')}” — {who}"), ""]
    out.append("The full brief, with every source, is attached as PDF.")
    return "\n".join(out) + "\n"
