"""Brief + Audience -> HTML (Jinja2) -> PDF (WeasyPrint), safely: the names callers import.

The work lives in small modules: ``views`` (StoryView, SpeakerView) and ``context``
(the template context), ``html`` (search path, sandboxed Jinja environment,
``render_html``), ``pdf`` (restricted fetcher, ``render_pdf``, ``write_pdf``).

Safety model: article text is untrusted. Jinja autoescapes every ``.html`` /
``.j2`` template and fails on undefined names; article text only ever lands in
element content or ordinary attributes, never in ``style=`` or CSS, and in
``href`` only as a validated http(s) URL (``briefgen.links.safe_url``). WeasyPrint
gets a fetcher that can read ``data:`` URLs and files under the template
directories, nothing else.
"""

from __future__ import annotations

from briefgen.links import safe_url
from briefgen.rendering.clip import shorten
from briefgen.rendering.context import Meta, build_context, logo_data_url
from briefgen.rendering.html import builtin_template_dir, make_environment, render_html, template_search_path
from briefgen.rendering.pdf import render_pdf, write_pdf
from briefgen.rendering.views import QuoteView, SpeakerStory, SpeakerView, StoryView, format_date

__all__ = [
    "Meta", "QuoteView", "SpeakerStory", "SpeakerView", "StoryView", "build_context", "builtin_template_dir",
    "format_date", "logo_data_url", "make_environment", "render_html", "render_pdf", "safe_url", "shorten",
    "template_search_path", "write_pdf",
]
