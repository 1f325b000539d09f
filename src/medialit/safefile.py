"""Write files atomically, with normal permissions, and clean up after interrupted writes.

Every file medialit writes for a person (a progress file, a released notebook,
a saved report) goes through :func:`write_atomic`: the content goes to a
temporary file in the same folder (``.<name>.<random>.tmp``), is flushed to
disk, given the permissions a new file gets under the user's umask (or the
permissions of the file it replaces) and then renamed over the target, so a
crash leaves either the old file or the new one, never half of one.

A process killed during the write (``kill -9``, a power cut) leaves its
temporary file behind; the next write of the same target removes such
orphans (:func:`clean_orphans`).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "note.txt", "hello")
>>> (folder / "note.txt").read_text()
'hello'
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

__all__ = ["clean_orphans", "default_mode", "write_atomic"]


def default_mode() -> int:
    """Permissions of a new file under the current umask (``0o644`` with the usual ``022``)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _temp_pattern(path: Path) -> str:
    return f".{path.name}.*.tmp"


def clean_orphans(path: str | os.PathLike[str], older_than: float = 60.0) -> list[Path]:
    """Remove temporary files that interrupted writes of ``path`` left; returns those removed.

    Only files at least ``older_than`` seconds old are removed, so that a write
    in progress in another process is left alone (callers that hold a lock on
    ``path`` pass 0).
    """
    target = Path(path)
    removed = []
    now = time.time()
    try:
        candidates = list(target.parent.glob(_temp_pattern(target)))
    except OSError:
        return removed
    for tmp in candidates:
        try:
            info = tmp.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= older_than:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue
    return removed


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, fsync: bool = True,
                 orphans_older_than: float = 60.0, mode: int | None = None) -> None:
    """Write ``data`` (text is UTF-8) to ``path`` atomically, creating the folder if needed.

    The new file keeps the permissions of the file it replaces, or gets
    ``mode`` if given, else the umask's default for a new file (not the
    ``0600`` of a bare temporary file).
    Raises ``OSError`` if the write fails; the previous file is then unchanged.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_orphans(target, orphans_older_than)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = default_mode() if mode is None else mode
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            if fsync:
                os.fsync(fh.fileno())
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
