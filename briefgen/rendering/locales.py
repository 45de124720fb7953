"""Dates written the way a reader in a given locale expects: (date, locale) -> str.

Briefs are read by people, so "11 March 2025" for en-GB, "March 11, 2025" for
en-US and "11. März 2025" for German. A small table instead of Babel: a brief
only ever needs day, month, year, weekday and a time, and the table keeps the
tool free of locale data that may be missing on a server (C.UTF-8 only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class DateStyle:
    months: tuple[str, ...]
    weekdays: tuple[str, ...]  # Monday first, like date.weekday()
    day_month_year: str  # with {d} {month} {y}
    with_weekday: str  # with {weekday} and {date}
    time: str  # "{h:02d}:{m:02d}" or 12-hour


_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

STYLES: dict[str, DateStyle] = {
    "en-GB": DateStyle(_EN_MONTHS, _EN_DAYS, "{d} {month} {y}", "{weekday}, {date}", "{h:02d}:{m:02d}"),
    "en-US": DateStyle(_EN_MONTHS, _EN_DAYS, "{month} {d}, {y}", "{weekday}, {date}", "12h"),
    "de": DateStyle(
        ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
         "November", "Dezember"),
        ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
        "{d}. {month} {y}", "{weekday}, {date}", "{h:02d}:{m:02d} Uhr"),
    "fr": DateStyle(
        ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
         "novembre", "décembre"),
        ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        "{d} {month} {y}", "{weekday} {date}", "{h:02d} h {m:02d}"),
    "es": DateStyle(
        ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"),
        ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
        "{d} de {month} de {y}", "{weekday}, {date}", "{h:02d}:{m:02d}"),
    "it": DateStyle(
        ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
         "ottobre", "novembre", "dicembre"),
        ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
        "{d} {month} {y}", "{weekday} {date}", "{h:02d}:{m:02d}"),
    "nl": DateStyle(
        ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
         "november", "december"),
        ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
        "{d} {month} {y}", "{weekday} {date}", "{h:02d}:{m:02d}"),
    "pt": DateStyle(
        ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
         "novembro", "dezembro"),
        ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"),
        "{d} de {month} de {y}", "{weekday}, {date}", "{h:02d}:{m:02d}"),
}
# Other spellings people write in a config file.
_ALIASES = {"en": "en-GB", "en-UK": "en-GB", "en-IE": "en-GB", "en-AU": "en-GB", "en-NZ": "en-GB",
            "en-CA": "en-US"}


def resolve_locale(tag: str) -> str | None:
    """The STYLES key for a tag such as "de_AT", "en-us" or "fr", or None when unsupported."""
    parts = tag.strip().replace("_", "-").split("-")
    if not parts[0]:
        return None
    lang = parts[0].lower()
    full = "-".join([lang, *(p.upper() for p in parts[1:2])])
    for key in (full, lang):
        key = _ALIASES.get(key, key)
        if key in STYLES:
            return key
    return None


def supported_locales() -> tuple[str, ...]:
    return tuple(STYLES)


def format_date(value: date | datetime | None, locale: str = "en-GB", *, weekday: bool = False) -> str | None:
    """'11 March 2025' (en-GB); a time is added when the datetime has one other than midnight,
    because midnight usually means 'no time given'."""
    if value is None:
        return None
    style = STYLES[resolve_locale(locale) or "en-GB"]
    text = style.day_month_year.format(d=value.day, month=style.months[value.month - 1], y=value.year)
    if weekday:
        text = style.with_weekday.format(weekday=style.weekdays[value.weekday()], date=text)
    if isinstance(value, datetime) and (value.hour, value.minute) != (0, 0):
        text += ", " + _format_time(style, value.hour, value.minute)
    return text


def _format_time(style: DateStyle, h: int, m: int) -> str:
    if style.time == "12h":
        return f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}"
    return style.time.format(h=h, m=m)
