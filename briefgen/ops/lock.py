"""One run per output folder: OUTPUT_DIR/.briefgen.lock -> held lock or `RunLocked`.

`hold_lock(output_dir)` takes an exclusive, non-blocking `flock` on
``OUTPUT_DIR/.briefgen.lock`` and writes the holder's pid into it. The kernel
drops a flock when its process dies, however it dies (kill -9 included), so a
lock left by a crashed run is simply free again: there is no stale-pid
guessing, and the old pid in the file is only reported. A second run while
the first is alive gets `RunLocked` at once instead of waiting.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from briefgen.errors import BriefgenError

log = logging.getLogger(__name__)

LOCK_NAME = ".briefgen.lock"


class RunLocked(BriefgenError):
    """Another briefgen run holds the lock for this output folder."""

    def __init__(self, path: Path, pid: int | None) -> None:
        holder = f" (pid {pid})" if pid else ""
        super().__init__(f"another briefgen run{holder} is writing to {path.parent}; "
                         f"not starting a second one (lock: {path})")
        self.path = path
        self.pid = pid


def lock_path(output_dir: str | os.PathLike[str]) -> Path:
    return Path(output_dir) / LOCK_NAME


def read_holder(path: Path) -> int | None:
    """The pid written by the last holder, if the file says one."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _open_locked(path: Path) -> int:
    """An fd holding the flock on the file now at `path` (retrying if it was swapped meanwhile)."""
    for _ in range(5):
        try:
            # O_CLOEXEC: a renderer subprocess must not inherit (and so prolong) the lock.
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as err:
            raise BriefgenError(f"cannot create the lock file {path}: {err.strerror or err}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            os.close(fd)
            if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise RunLocked(path, read_holder(path)) from None
            raise BriefgenError(f"cannot lock {path}: {err.strerror or err}") from None
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        # The previous holder removed the file between our open and our flock: a lock
        # on that orphan would exclude nobody, so take the new file instead.
        os.close(fd)
    raise BriefgenError(f"cannot lock {path}: it keeps being replaced")


@contextmanager
def hold_lock(output_dir: str | os.PathLike[str]) -> Iterator[Path]:
    """Hold the output folder's run lock for the `with` block.

    A missing output folder is created; if the run then leaves nothing in it
    but the lock, it is removed again, so "nothing written" stays true.
    """
    path = lock_path(output_dir)
    created = not path.parent.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BriefgenError(f"cannot create the output folder {path.parent}: {err.strerror or err}") from None
    fd = _open_locked(path)
    try:
        previous = read_holder(path)
        if previous and previous != os.getpid():
            log.info("taking over the lock of an earlier run (pid %d) that is no longer running", previous)
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except OSError:  # the pid is a courtesy; a full disk must not stop the run here
            pass
        try:
            yield path
        finally:
            # The pid is cleared so a reader never blames a finished run.
            try:
                os.ftruncate(fd, 0)
                if created and os.listdir(path.parent) == [LOCK_NAME]:
                    path.unlink()
                    path.parent.rmdir()
            except OSError:
                pass
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
