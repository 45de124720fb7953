"""Run one call in a child process with a time limit, a memory limit and an output cap.

``run_bounded(fn, *args, limits=Limits(), what="template")`` returns ``fn(*args)``
or raises ``RenderError`` with one line saying which limit was hit. It exists
for user-supplied templates: the Jinja sandbox stops attribute escapes, but
``{% for %}`` loops nested a few deep, ``"x"|center(10**9)`` or a string that
doubles itself forty times exhaust time or memory without breaking any
sandbox rule. A thread cannot be stopped from outside in Python; a process can.

The child is forked (cheap, nothing to pickle on the way in) and limits its own
address space with ``RLIMIT_AS`` and CPU time with ``RLIMIT_CPU``; the parent
also enforces wall time and kills the child when it is exceeded. Where fork or
``resource`` is unavailable the call runs in-process, unbounded, with a debug
log line: the sandbox's own guards still apply.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from briefgen.errors import RenderError

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    seconds: float = 60.0  # wall time for the whole call
    memory_mb: int = 1024  # address space the child may add to what it inherits
    output_mb: int = 64  # the result (HTML or PDF bytes) may not be larger


def _fork_available() -> bool:
    try:
        import resource  # noqa: F401  (POSIX only)
    except ImportError:
        return False
    return "fork" in multiprocessing.get_all_start_methods()


def _address_space() -> int:
    """Bytes of address space this process already uses (Linux /proc), else 0."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_self(limits: Limits) -> None:
    import resource

    # The fork inherits the parent's mappings (numpy, fonts, thread stacks), so the
    # budget is added on top of what is already there rather than set absolutely.
    cap = _address_space() + limits.memory_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or cap < hard:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(used.ru_utime + used.ru_stime) + math.ceil(limits.seconds) + 1
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or cpu < hard:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard))


def _child(conn: Any, fn: Callable[..., Any], args: tuple, limits: Limits, what: str) -> None:
    try:
        _limit_self(limits)
        result = fn(*args)
        if len(result) > limits.output_mb * 1_000_000:
            conn.send(("error", f"the {what} produced more than {limits.output_mb} MB of output; stopped"))
        else:
            conn.send(("ok", result))
    except MemoryError:
        conn.send(("error", f"the {what} needed more than {limits.memory_mb} MB of memory; stopped"))
    except RenderError as err:
        conn.send(("error", str(err)))
    except BaseException as err:  # noqa: BLE001 - anything else still becomes one line
        conn.send(("error", f"the {what} failed: {type(err).__name__}: {err}"))
    finally:
        conn.close()


def run_bounded(fn: Callable[..., T], *args: Any, limits: Limits = Limits(), what: str = "template") -> T:
    """``fn(*args)`` in a forked child under ``limits``; its result must be str or bytes."""
    if not _fork_available():
        log.debug("no fork/resource here: rendering the %s without time and memory limits", what)
        return fn(*args)
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(sender, fn, args, limits, what), daemon=True)
    proc.start()
    sender.close()
    try:
        if not receiver.poll(limits.seconds):
            raise RenderError(f"the {what} took longer than {limits.seconds:g} s; stopped")
        kind, payload = receiver.recv()
    except EOFError:  # the child died without a word: killed by RLIMIT_CPU or the OOM killer
        proc.join(2)
        raise RenderError(
            f"the {what} was stopped (exit {proc.exitcode}): it exceeded {limits.seconds:g} s "
            f"of CPU or {limits.memory_mb} MB of memory"
        ) from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        receiver.close()
    if kind != "ok":
        raise RenderError(payload)
    return payload
