"""Command-line options -> logging handlers, and progress shown only to people.

`setup_logging` wires the ``briefgen`` logger (and the chatty libraries) to
stderr and optionally to a file, as human-readable lines or as one JSON
object per line. Levels:

- default: INFO and up on stderr (what happened, one line each);
- ``--quiet``: WARNING and up only, so cron mails nothing on a good day;
- ``-v``: DEBUG; ``-vv``: DEBUG plus WeasyPrint's and fontTools' own messages.

``--log-file`` always records INFO and up (DEBUG with ``-v``), whatever
``--quiet`` says: the file is the record of unattended runs.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

LOG_FORMATS = ("text", "json")
_LIBRARIES = ("weasyprint", "fontTools")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class _FileHandler(logging.FileHandler):
    """A log file that, when it cannot be written (disk full), says so once instead
    of printing a traceback for every record."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        if not self.failed:
            self.failed = True
            err = sys.exc_info()[1]
            sys.stderr.write(f"briefgen: warning: cannot write the log file {self.baseFilename}: "
                             f"{getattr(err, 'strerror', None) or err}\n")


def _formatter(fmt: str, *, with_time: bool) -> logging.Formatter:
    if fmt == "json":
        return JsonFormatter()
    if with_time:  # a file outlives the run, so each line says when
        return logging.Formatter("%(asctime)s briefgen: %(levelname)s: %(message)s", "%Y-%m-%d %H:%M:%S")
    return logging.Formatter("briefgen: %(levelname)s: %(message)s")


def setup_logging(
    verbose: int = 0,
    quiet: bool = False,
    *,
    log_file: Path | None = None,
    log_format: str = "text",
    stream: TextIO | None = None,
) -> None:
    """(Re)configure briefgen's loggers; safe to call more than once (tests do)."""
    if log_format not in LOG_FORMATS:
        raise ValueError(f"log format must be one of {', '.join(LOG_FORMATS)}")
    detail = logging.DEBUG if verbose else logging.INFO
    handlers: list[logging.Handler] = []
    console = logging.StreamHandler(stream or sys.stderr)
    console.setLevel(logging.WARNING if quiet else detail)
    console.setFormatter(_formatter(log_format, with_time=False))
    handlers.append(console)
    if log_file is not None:
        log_file = Path(log_file)
        log_file.parent.mkdir(parents=True, exist_ok=True)
        file_handler = _FileHandler(log_file, encoding="utf-8")  # opened now: a bad path fails up front
        file_handler.setLevel(detail)
        file_handler.setFormatter(_formatter(log_format, with_time=True))
        handlers.append(file_handler)

    root = logging.getLogger("briefgen")
    for old in root.handlers:
        old.close()
    root.handlers[:] = handlers
    root.setLevel(min(h.level for h in handlers))
    root.propagate = False
    # WeasyPrint reports every refused fetch on its own logger; render.py already
    # sums them up in one warning, so its chatter only shows with -vv.
    for name in _LIBRARIES:
        lib = logging.getLogger(name)
        lib.handlers[:] = handlers
        lib.setLevel(logging.DEBUG if verbose > 1 else logging.CRITICAL)
        lib.propagate = False


def progress_reporter(label: str, *, stream: TextIO | None = None,
                      enabled: bool | None = None) -> Callable[[int, int], None] | None:
    """A `(done, total)` callback drawing one self-overwriting line, or None: the stage, the
    count, the rate and the time left ("analysing 400/1000  180/s  0:03 left").

    Only when the stream is a terminal (and INFO is on): a cron job's mail and a
    log file must never collect carriage-return animations.
    """
    out = stream or sys.stderr
    if enabled is None:
        enabled = (bool(getattr(out, "isatty", lambda: False)())
                   and logging.getLogger("briefgen").isEnabledFor(logging.INFO))
    if not enabled:
        return None
    start = [time.monotonic()]
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.1:
            return  # repainting more often only costs time
        last[0] = now
        out.write("\r" + progress_line(label, done, total, now - start[0]) + ("\n" if done >= total else "\x1b[K"))
        out.flush()

    return report


def progress_line(label: str, done: int, total: int, elapsed: float) -> str:
    """"analysing 400/1000  180/s  0:03 left" (no rate before a second's worth of work)."""
    line = f"{label} {done}/{total}"
    if done and elapsed >= 0.5:
        rate = done / elapsed
        line += f"  {rate:,.0f}/s" if rate >= 10 else f"  {rate:.1f}/s"
        if done < total:
            left = round((total - done) / rate)
            line += f"  {left // 60}:{left % 60:02d} left"
        else:
            line += f"  in {elapsed:.1f} s"
    return line
