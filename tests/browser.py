"""Headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``:
commands on fd 3, replies on fd 4, NUL-terminated JSON), so the browser tests need no Python
package beyond the standard library and no network port.

    with Chromium.start() as browser:
        page = browser.open(Path("brief.html").as_uri(), width=375)
        page.evaluate("document.documentElement.scrollWidth")

``find_chromium()`` returns the executable or None (tests skip with the reason).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
TIMEOUT = 30.0


def find_chromium() -> str | None:
    explicit = os.environ.get("BRIEFGEN_CHROMIUM")
    if explicit:
        return shutil.which(explicit) or (explicit if os.access(explicit, os.X_OK) else None)
    return next((found for name in NAMES if (found := shutil.which(name))), None)


class BrowserError(RuntimeError):
    pass


@dataclass
class Chromium:
    proc: subprocess.Popen
    to_browser: Any  # file object on the pipe Chromium reads (its fd 3)
    from_browser: Any  # ...and the one it writes (its fd 4)
    profile: tempfile.TemporaryDirectory
    next_id: int = 0
    buffer: bytes = b""
    events: list[dict] = field(default_factory=list)

    @classmethod
    @contextmanager
    def start(cls, executable: str | None = None) -> Iterator[Chromium]:
        exe = executable or find_chromium()
        if exe is None:
            raise BrowserError("no Chromium found")
        profile = tempfile.TemporaryDirectory(prefix="briefgen-chromium-")
        # fds 3 and 4 in the child: Chromium reads commands from 3 and writes replies to 4.
        cmd_r, cmd_w = os.pipe()
        rep_r, rep_w = os.pipe()

        def wire() -> None:  # in the child, before exec; high copies first, as either may be 3 or 4
            high_r, high_w = os.dup(cmd_r), os.dup(rep_w)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        proc = subprocess.Popen(
            [exe, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
             "--disable-background-networking", "--disable-sync", "--mute-audio",
             f"--user-data-dir={profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, pass_fds=(3, 4), close_fds=True)  # noqa: PLW1509 - fds must be set before exec
        os.close(cmd_r)
        os.close(rep_w)
        browser = cls(proc, os.fdopen(cmd_w, "wb", buffering=0), os.fdopen(rep_r, "rb", buffering=0), profile)
        try:
            yield browser
        finally:
            browser.close()

    def close(self) -> None:
        try:
            self.send("Browser.close", wait=False)
        except (BrowserError, OSError):
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for f in (self.to_browser, self.from_browser):
            f.close()
        self.profile.cleanup()

    def _read_message(self, deadline: float) -> dict:
        import select

        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.from_browser.fileno(), 1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed the pipe")
            self.buffer += chunk
        raw, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             wait: bool = True) -> dict:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.to_browser.write(json.dumps(message).encode() + b"\0")
        if not wait:
            return {}
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method: str, session: str) -> dict:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))

    def open(self, url: str, *, width: int, height: int = 900, dark: bool = False) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable", session=session)
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1,
                                                         "mobile": width < 600}, session=session)
        self.send("Emulation.setEmulatedMedia", {"media": "screen", "features": [
            {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]}, session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_event("Page.loadEventFired", session)
        return Page(self, session)


@dataclass
class Page:
    browser: Chromium
    session: str

    def evaluate(self, expression: str) -> Any:
        result = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                   session=self.session)
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")
