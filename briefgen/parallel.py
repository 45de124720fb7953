"""Work spread over processes: per-article analysis in chunks, one audience's render per task.

One pool per process, started on first need and reused by later builds (a test suite or an
API caller building many days pays its start-up once). Workers start from a fork server
that has already imported the analysis code, so a new worker costs a fork, not the imports.

Output never depends on the number of workers: chunks are contiguous, results come back in
input order, and a task carries everything it reads (the SOURCE_DATE_EPOCH the PDF stamps,
absolute template folders), never what a long-lived worker inherited when it started.
Log records a task emits are returned and re-emitted by the caller, so a warning raised in
a worker reaches the same handlers (stderr, --log-file, JSON) as one raised in the driver.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # loaded when a pool is needed: the CLI imports this module for its option names
    from concurrent.futures import Executor, ProcessPoolExecutor

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")

# A chunk of fewer articles costs more in pickling and scheduling than it saves; a day
# smaller than two chunks is analysed in the driver (no worker is started for it).
MIN_CHUNK = 8
MAX_CHUNK = 32  # a 64-article chunk left one worker idle for up to half a second at the end of a 1,000-article day


EXECUTORS = ("local", "dask")


@dataclass(frozen=True)
class Execution:
    """Where the analysis runs: ``workers`` local processes (1: in this process; rendering
    uses them too), or a Dask cluster at ``scheduler`` when ``executor`` is "dask"
    (briefgen.ops.cluster)."""

    workers: int = 1
    executor: str = "local"  # one of EXECUTORS
    scheduler: str | None = None  # tcp://HOST:8786 for executor "dask"


def default_workers() -> int:
    """The cores this process may run on (a container's CPU set, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def chunk_size(n: int, workers: int) -> int:
    """About four chunks per worker (so a slow chunk does not idle the others), within bounds."""
    return max(MIN_CHUNK, min(MAX_CHUNK, -(-n // (workers * 4))))


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def worth_a_pool(n: int, workers: int) -> bool:
    return workers > 1 and n >= 2 * MIN_CHUNK


# ---- the shared pool -------------------------------------------------------------------------

_pool: ProcessPoolExecutor | None = None
_pool_workers = 0
_lock = threading.Lock()


def _context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # imported once in the server; each worker forks from it with the modules loaded
        ctx.set_forkserver_preload(["briefgen.analysis", "briefgen.parallel", "briefgen.warm"])
        return ctx
    return multiprocessing.get_context("spawn")


def local_pool(workers: int) -> ProcessPoolExecutor:
    """The process's pool of ``workers`` processes (a pool of another size replaces it)."""
    from concurrent.futures import ProcessPoolExecutor

    global _pool, _pool_workers
    with _lock:
        if _pool is not None and _pool_workers != workers:
            _pool.shutdown(wait=True)
            _pool = None
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
            _pool_workers = workers
        return _pool


def shutdown_pool() -> None:
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=True, cancel_futures=True)
            _pool = None


atexit.register(shutdown_pool)  # before the interpreter tears down what the workers' queues need


def discard_broken_pool() -> None:
    """After a worker died (killed, out of memory) the pool cannot be used again."""
    global _pool
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None


# ---- tasks and their log records ------------------------------------------------------------


@dataclass(frozen=True)
class LogLine:
    logger: str
    level: int
    message: str


_local = threading.local()
_router_lock = threading.Lock()
_router_installed = False


class _Router(logging.Handler):
    """Records to the list of the task running on the record's thread (a Dask worker runs
    several tasks at once, one per thread); records outside any task are dropped."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)

    def emit(self, record: logging.LogRecord) -> None:
        lines = getattr(_local, "lines", None)
        if lines is not None:
            lines.append(LogLine(record.name, record.levelno, record.getMessage()))


@contextmanager
def collected_logs(driver_pid: int | None = None) -> Iterator[list[LogLine]]:
    """Inside a worker process: briefgen's records at DEBUG and up, kept for the caller instead
    of printed. In the driver's own process (a thread-based Dask cluster) records go where they
    always go, and the list stays empty."""
    global _router_installed
    if driver_pid == os.getpid():
        yield []
        return
    with _router_lock:
        if not _router_installed:
            root = logging.getLogger("briefgen")
            root.handlers[:] = [_Router()]
            root.setLevel(logging.DEBUG)
            root.propagate = False
            _router_installed = True
    _local.lines = []
    try:
        yield _local.lines
    finally:
        _local.lines = None


def replay(lines: Sequence[LogLine]) -> None:
    for line in lines:
        logger = logging.getLogger(line.logger)
        if logger.isEnabledFor(line.level):
            logger.log(line.level, "%s", line.message)


@contextmanager
def environment(values: dict[str, str | None]) -> Iterator[None]:
    """The driver's values of these variables (None: unset) for the length of one task (a
    worker process runs one driver's tasks at a time, so its threads set the same values)."""
    before = {k: os.environ.get(k) for k in values}
    _set(values)
    try:
        yield
    finally:
        _set(before)


def _set(values: dict[str, str | None]) -> None:
    for key, value in values.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def ordered_map(executor: Executor, fn: Callable[[T], R], items: Sequence[T],
                progress: Callable[[int], None] | None = None) -> list[R]:
    """``[fn(x) for x in items]`` on ``executor``, in input order; ``progress(k)`` after each result
    (as results arrive, so the count moves even when an early chunk is slow)."""
    from concurrent.futures import as_completed

    futures = {executor.submit(fn, item): k for k, item in enumerate(items)}
    results: list[Any] = [None] * len(items)
    try:
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            if progress is not None:
                progress(futures[future])
    except BaseException:
        for future in futures:
            future.cancel()
        raise
    return results


def can_fork() -> bool:
    """Whether ``forked_map`` can run here (POSIX; not Windows)."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def forked_map(fn: Callable[[T], R], items: Sequence[T], workers: int,
               progress: Callable[[int], None] | None = None) -> list[R]:
    """``[fn(x) for x in items]``, each call in a child forked from this process, at most
    ``workers`` at a time, results in input order. Nothing is pickled on the way in (the
    child has the caller's memory, environment and working directory), only ``fn``'s result on
    the way out; the children are not daemons, so ``fn`` may fork in turn
    (briefgen.rendering.bounded). An exception in a child is raised here as ChildFailed."""
    import multiprocessing
    from multiprocessing.connection import wait

    ctx = multiprocessing.get_context("fork")
    results: list[Any] = [None] * len(items)
    waiting = list(range(len(items)))
    running: dict[Any, tuple[int, Any]] = {}
    try:
        while waiting or running:
            while waiting and len(running) < workers:
                k = waiting.pop(0)
                receive, send = ctx.Pipe(duplex=False)
                child = ctx.Process(target=_forked_child, args=(send, fn, items[k]), daemon=False)
                child.start()
                send.close()
                running[receive] = (k, child)
            ready: list[Any] = wait(list(running))
            for conn in ready:
                k, child = running.pop(conn)
                try:
                    ok, value = conn.recv()
                except EOFError:
                    ok, value = False, f"the worker process died (exit code {child.exitcode})"
                finally:
                    conn.close()
                    child.join()
                if not ok:
                    raise ChildFailed(value)
                results[k] = value
                if progress is not None:
                    progress(k)
    finally:
        for conn, (_, child) in running.items():
            child.kill()
            child.join()
            conn.close()
    return results


class ChildFailed(RuntimeError):
    """A forked call raised (the message names the exception) or its process died."""


def _forked_child(send: Any, fn: Callable[[Any], Any], item: Any) -> None:
    try:
        result = (True, fn(item))
    except BaseException as err:  # reported to the parent, which decides
        result = (False, f"{type(err).__name__}: {err}")
    try:
        send.send(result)
    except Exception as err:  # a result that does not pickle
        send.send((False, f"{type(err).__name__}: {err}"))
    finally:
        send.close()
