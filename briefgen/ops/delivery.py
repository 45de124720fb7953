"""Brief files -> e-mail over SMTP (STARTTLS + login), with retries.

`SmtpSettings.from_env()` reads ``BRIEFGEN_SMTP_HOST``, ``_PORT``, ``_USER``,
``_PASSWORD``, ``_FROM``, ``_SECURITY`` (starttls | ssl | none) and
``_CAFILE``; briefgen.settings builds the same object from the config's
``[smtp]`` table with those variables on top. The password is only ever
taken from the environment or the config file: never from arguments, and it
is never logged — `repr` hides it.

`mail_briefs(settings, recipients, files, subject=...)` sends one message
with the files attached; transient failures (connection refused, timeouts,
4xx replies) are retried with exponential back-off, permanent ones (5xx,
bad login) are not. Raises `DeliveryError` with a one-line reason.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from briefgen.errors import BriefgenError

log = logging.getLogger(__name__)

SECURITY = ("starttls", "ssl", "none")


class DeliveryError(BriefgenError):
    """A brief could not be e-mailed."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    user: str | None = None
    password: str | None = field(default=None, repr=False)  # repr=False: never in logs or tracebacks
    sender: str | None = None
    security: str = "starttls"
    cafile: str | None = None  # a private CA, e.g. the company relay's
    timeout: float = 30.0
    password_env: str | None = None  # the variable the config said holds the password (for messages)

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> SmtpSettings | None:
        """Settings from BRIEFGEN_SMTP_*; None when no host is configured."""
        host = env.get("BRIEFGEN_SMTP_HOST", "").strip()
        if not host:
            return None
        security = env.get("BRIEFGEN_SMTP_SECURITY", "starttls").strip().lower() or "starttls"
        if security not in SECURITY:
            raise DeliveryError(f"BRIEFGEN_SMTP_SECURITY must be one of {', '.join(SECURITY)}, not {security!r}")
        default_port = 465 if security == "ssl" else 587
        raw_port = env.get("BRIEFGEN_SMTP_PORT", "").strip()
        if raw_port and not raw_port.isdigit():
            raise DeliveryError(f"BRIEFGEN_SMTP_PORT must be a port number, not {raw_port!r}")
        return cls(
            host=host,
            port=int(raw_port) if raw_port else default_port,
            user=env.get("BRIEFGEN_SMTP_USER") or None,
            password=env.get("BRIEFGEN_SMTP_PASSWORD") or None,
            sender=env.get("BRIEFGEN_SMTP_FROM") or None,
            security=security,
            cafile=env.get("BRIEFGEN_SMTP_CAFILE") or None,
        )

    @property
    def from_address(self) -> str:
        return self.sender or self.user or f"briefgen@{socket.getfqdn()}"


def compose(sender: str, recipients: Sequence[str], subject: str, body: str, files: Sequence[Path],
            html: str | None = None) -> EmailMessage:
    """One message with every file attached under its own name; with ``html``, the body is
    multipart/alternative: ``body`` as plain text for clients that show no HTML, then ``html``
    (briefgen.rendering.email), which mail clients show instead."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for path in files:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        maintype, subtype = kind.split("/", 1)
        msg.add_attachment(Path(path).read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return msg


def _transient(err: BaseException) -> bool:
    if isinstance(err, smtplib.SMTPResponseException):
        return 400 <= err.smtp_code < 500
    if isinstance(err, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in err.recipients.values())
    if isinstance(err, ssl.SSLError):  # a bad certificate will still be bad in a minute
        return False
    # Refused connections, timeouts, a relay that hangs up: the next try may work.
    return isinstance(err, (OSError, smtplib.SMTPServerDisconnected))


def _describe(err: BaseException) -> str:
    if isinstance(err, smtplib.SMTPAuthenticationError):
        return f"login refused ({err.smtp_code})"  # the server's text may echo the user; keep it short
    if isinstance(err, smtplib.SMTPResponseException):
        text = err.smtp_error.decode("utf-8", "replace") if isinstance(err.smtp_error, bytes) else str(err.smtp_error)
        return f"{err.smtp_code} {' '.join(text.split())}"
    if isinstance(err, smtplib.SMTPRecipientsRefused):
        return "recipients refused: " + ", ".join(sorted(err.recipients))
    if isinstance(err, ssl.SSLError):
        return f"TLS failed: {err.reason or err}"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return f"{type(err).__name__}: {err}"


def _send_once(settings: SmtpSettings, msg: EmailMessage, recipients: Sequence[str]) -> None:
    context = ssl.create_default_context(cafile=settings.cafile)
    if settings.security == "ssl":
        client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=context)
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with client:
        client.ehlo()
        if settings.security == "starttls":
            # Refuse to go on in clear text: login and brief must not cross the wire unencrypted.
            if not client.has_extn("starttls"):
                raise smtplib.SMTPNotSupportedError("the server does not offer STARTTLS")
            client.starttls(context=context)
            client.ehlo()
        if settings.user:
            client.login(settings.user, settings.password or "")
        client.send_message(msg, from_addr=settings.from_address, to_addrs=list(recipients))


def mail_briefs(
    settings: SmtpSettings,
    recipients: Sequence[str],
    files: Sequence[Path],
    *,
    subject: str,
    body: str = "",
    html_body: str | None = None,
    attempts: int = 4,
    backoff: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Send `files` to `recipients` in one message (``html_body``: the brief as an e-mail body,
    shown by mail clients; ``body`` its plain-text alternative); retry transient failures."""
    if not recipients:
        return
    if settings.security == "none" and settings.user:
        raise DeliveryError("refusing to send the SMTP password without encryption; "
                            "use BRIEFGEN_SMTP_SECURITY=starttls or ssl")
    try:
        msg = compose(settings.from_address, recipients, subject,
                      body or "The briefs are attached.\n", [Path(f) for f in files], html=html_body)
    except OSError as err:
        raise DeliveryError(f"cannot attach {err.filename}: {err.strerror or err}") from None
    delay = backoff
    for attempt in range(1, attempts + 1):
        try:
            _send_once(settings, msg, recipients)
        except (smtplib.SMTPException, OSError) as err:
            reason = _describe(err)
            if not _transient(err) or attempt == attempts:
                raise DeliveryError(
                    f"could not mail {len(files)} brief(s) to {', '.join(recipients)} via "
                    f"{settings.host}:{settings.port} after {attempt} attempt(s): {reason}"
                ) from None
            log.warning("mail to %s failed (%s); retrying in %.0f s", ", ".join(recipients), reason, delay)
            sleep(delay)
            delay *= 2
            continue
        log.info("mailed %d brief(s) to %s", len(files), ", ".join(recipients))
        return
