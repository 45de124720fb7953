"""Housekeeping of an output folder, run under its lock.

- `update_latest(output_dir, day, written)` -> OUTPUT_DIR/latest/<audience>.<fmt>:
  relative symbolic links swapped in atomically (a new link under a temporary
  name, then rename), so a reader always sees the old brief or the new one.
  A backfill of an older date never moves `latest` backwards.
- `prune_dated_folders(output_dir, today, keep_days, keep=...)` -> the date
  folders (YYYY-MM-DD) older than `keep_days` days, deleted.
- `remove_stale_parts(folder)` -> temporary ``.*.part`` files a killed run
  left behind (atomic.write_atomic names them so), deleted.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

LATEST = "latest"
_DATED = re.compile(r"\d{4}-\d{2}-\d{2}")


def dated_folders(output_dir: Path) -> dict[date, Path]:
    """The YYYY-MM-DD folders directly under `output_dir`, by date."""
    found: dict[date, Path] = {}
    try:
        entries = list(os.scandir(output_dir))
    except OSError:
        return found
    for entry in entries:
        if _DATED.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
            try:
                found[date.fromisoformat(entry.name)] = Path(entry.path)
            except ValueError:  # 2026-13-45 looks dated but is not ours
                continue
    return found


def update_latest(output_dir: Path, day: date, written: Iterable[Path]) -> list[Path]:
    """Point latest/<name> at each file written for `day`, unless a newer day exists."""
    output_dir = Path(output_dir)
    newest = max(dated_folders(output_dir), default=day)
    if newest > day:
        log.info("not moving %s/: %s is older than %s", LATEST, day, newest)
        return []
    folder = output_dir / LATEST
    folder.mkdir(parents=True, exist_ok=True)
    links: list[Path] = []
    for target in written:
        link = folder / Path(target).name
        relative = os.path.relpath(Path(target).resolve(), folder.resolve())
        tmp = folder / f".{link.name}.{os.getpid()}.link"
        try:
            tmp.unlink(missing_ok=True)
            os.symlink(relative, tmp)
            os.replace(tmp, link)  # rename is atomic; unlink-then-link would leave a gap
        except OSError as err:
            tmp.unlink(missing_ok=True)
            log.warning("could not update %s: %s", link, err.strerror or err)
            continue
        links.append(link)
    return links


def prune_dated_folders(output_dir: Path, today: date, keep_days: int, *, keep: Iterable[date] = ()) -> list[Path]:
    """Delete date folders more than `keep_days` days before `today`; never one in `keep`."""
    if keep_days < 0:
        raise ValueError("keep_days must be 0 or more")
    protected = set(keep) | {today}
    cutoff = today - timedelta(days=keep_days)
    removed: list[Path] = []
    for day, folder in sorted(dated_folders(Path(output_dir)).items()):
        if day >= cutoff or day in protected:
            continue
        try:
            shutil.rmtree(folder)
        except OSError as err:
            log.warning("could not delete old briefs in %s: %s", folder, err.strerror or err)
            continue
        log.info("deleted %s (older than %d days)", folder, keep_days)
        removed.append(folder)
    return removed


def remove_stale_parts(folder: Path) -> list[Path]:
    """Delete the temporary files of writes that never finished (the caller holds the lock)."""
    removed: list[Path] = []
    try:
        candidates = [p for p in Path(folder).iterdir() if p.name.startswith(".") and p.name.endswith(".part")]
    except OSError:
        return removed
    for part in candidates:
        try:
            part.unlink()
        except OSError:
            continue
        log.info("removed %s, left by an interrupted run", part)
        removed.append(part)
    return removed
