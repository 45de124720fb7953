"""Documented exit codes, shared by every command (cron reads them)."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # nothing written
    USAGE = 2  # Click's own code for bad arguments
    PARTIAL = 3  # brief written, but some inputs could not be used
    NOTHING_TO_BRIEF = 4  # no usable articles
