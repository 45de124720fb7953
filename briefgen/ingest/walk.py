"""Command-line files and folders -> the input files inside them.

A file named explicitly is always returned, whatever its suffix, so that its
reader can say why it cannot be used; inside folders only input suffixes count
and hidden files, READMEs and licences are skipped.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path

from briefgen.ingest.suffixes import FOLDER_SUFFIXES
from briefgen.model import Failure

log = logging.getLogger(__name__)

# Files that sit beside articles but describe them (seeds/README.md).
_NOT_ARTICLES = re.compile(r"^(readme|license|licence|changelog|notice|attribution)(\..*)?$", re.I)


def collect_paths(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Failure]]:
    """Expand folders into the article files inside them (recursively, sorted).

    A file named explicitly is always returned, whatever its suffix, so that
    `read_article` can say why it cannot be used; inside folders only article
    suffixes count and hidden files, READMEs and licences are skipped.
    """
    found: list[Path] = []
    failures: list[Failure] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path, seen, failures))
        elif path.exists():
            if _remember(path, seen):
                found.append(path)
        elif path.is_symlink():
            failures.append(Failure(str(path), "broken symbolic link"))
        else:
            failures.append(Failure(str(path), "no such file or folder"))
    return found, failures


def _remember(path: Path, seen: set[Path]) -> bool:
    try:
        key = path.resolve()
    except (OSError, RuntimeError):  # symlink loops raise RuntimeError on 3.11
        key = path.absolute()
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(folder: Path, seen: set[Path], failures: list[Failure]) -> list[Path]:
    found: list[Path] = []
    visited_dirs: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        failures.append(Failure(str(err.filename or folder), f"cannot read folder: {err.strerror}"))

    # followlinks so linked folders count, with (device, inode) to stop loops.
    for root, dirs, files in os.walk(folder, onerror=onerror, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited_dirs:
            dirs[:] = []
            continue
        visited_dirs.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or _NOT_ARTICLES.match(name):
                continue
            path = Path(root, name)
            if path.suffix.lower() not in FOLDER_SUFFIXES:
                log.debug("skipping %s: not an article file", path)
                continue
            if not path.exists():
                failures.append(Failure(str(path), "broken symbolic link"))
                continue
            if _remember(path, seen):
                found.append(path)
    return found
