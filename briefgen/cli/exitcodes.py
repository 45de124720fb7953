"""Documented exit codes, shared by every command (cron reads them)."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # nothing written
    USAGE = 2  # Click's own code for bad arguments; also: none of the input paths exists
    PARTIAL = 3  # brief written, but an input, an audience's template or the state file failed
    NOTHING_TO_BRIEF = 4  # no usable articles in the window (an "empty day" brief only with --empty-brief)
    LOCKED = 5  # another run is writing to the same output folder; nothing done
    DELIVERY_FAILED = 6  # briefs written, but mailing them failed
