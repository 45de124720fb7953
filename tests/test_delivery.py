"""E-mail delivery: a real SMTP conversation with a local aiosmtpd server
(STARTTLS, login), the attachment that arrives, retries, and a password that
never shows up in logs."""

from __future__ import annotations

import email
import email.policy
import logging
import socket
import ssl
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

aiosmtpd = pytest.importorskip("aiosmtpd")
from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

from briefgen.cli import cli  # noqa: E402
from briefgen.delivery import DeliveryError, SmtpSettings, mail_briefs  # noqa: E402
from briefgen.exitcodes import ExitCode  # noqa: E402

USER, PASSWORD = "briefs@example.org", "s3cret-Pa55word"
DAY = "2026-11-28"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A throw-away self-signed certificate for 127.0.0.1 (made with the openssl command)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("openssl is needed to make a test certificate")
    return cert, key


class Inbox:
    """aiosmtpd handler: keeps every message; can answer 451 to the first few."""

    def __init__(self, busy: int = 0, reply: str = "451 4.3.0 busy, try again"):
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.busy = busy
        self.reply = reply

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if self.busy:
            self.busy -= 1
            return self.reply
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER.encode(), PASSWORD.encode())
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(certificate):
    """A local server that insists on STARTTLS before login, and on login before mail."""
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), tls_context=context,
                            require_starttls=True, authenticator=authenticate, auth_require_tls=True,
                            auth_required=True,
                            # smtplib retries a refused PLAIN login as LOGIN, which aiosmtpd 1.4 answers
                            # differently from real servers (it waits); PLAIN is what we test.
                            auth_exclude_mechanism=["LOGIN"])
    controller.start()
    try:
        yield controller, handler, SmtpSettings(host="127.0.0.1", port=controller.port, user=USER,
                                                password=PASSWORD, sender=USER, cafile=str(cert), timeout=10)
    finally:
        controller.stop()


@pytest.fixture
def pdf(tmp_path) -> Path:
    path = tmp_path / "executive.pdf"
    path.write_bytes(b"%PDF-1.7\n% a stand-in brief\n" + bytes(range(256)) * 40)
    return path


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def test_a_brief_arrives_over_starttls_with_login_and_its_pdf_attached(smtp_server, pdf, caplog):
    controller, inbox, settings = smtp_server
    caplog.set_level(logging.DEBUG)
    mail_briefs(settings, ["desk@example.org", "chief@example.org"], [pdf], subject="Executive Brief — 2026-11-28")
    ((sender, recipients, raw),) = inbox.messages
    assert sender == USER and recipients == ["desk@example.org", "chief@example.org"]
    msg = parse(raw)
    assert msg["Subject"] == "Executive Brief — 2026-11-28"
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == "executive.pdf"
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == pdf.read_bytes()
    assert PASSWORD not in caplog.text and PASSWORD not in repr(settings)


def test_transient_refusals_are_retried_with_growing_pauses(smtp_server, pdf):
    controller, inbox, settings = smtp_server
    inbox.busy = 2
    pauses: list[float] = []
    mail_briefs(settings, ["desk@example.org"], [pdf], subject="s", backoff=1.5, sleep=pauses.append)
    assert pauses == [1.5, 3.0] and len(inbox.messages) == 1


def test_a_permanent_refusal_is_not_retried_and_says_why(smtp_server, pdf):
    controller, inbox, settings = smtp_server
    inbox.busy, inbox.reply = 5, "554 5.7.1 rejected by policy"
    pauses: list[float] = []
    with pytest.raises(DeliveryError, match="after 1 attempt.*554 5.7.1 rejected by policy"):
        mail_briefs(settings, ["desk@example.org"], [pdf], subject="s", sleep=pauses.append)
    assert pauses == [] and inbox.messages == []


def test_a_wrong_password_is_a_clear_error_without_the_password(smtp_server, pdf):
    controller, inbox, settings = smtp_server
    wrong = SmtpSettings(**{**settings.__dict__, "password": "not-the-password"})
    with pytest.raises(DeliveryError, match="login refused") as err:
        mail_briefs(wrong, ["desk@example.org"], [pdf], subject="s", sleep=lambda s: None)
    assert "not-the-password" not in str(err.value)


def test_an_untrusted_certificate_is_refused_not_retried(smtp_server, pdf):
    controller, inbox, settings = smtp_server
    untrusted = SmtpSettings(**{**settings.__dict__, "cafile": None})
    pauses: list[float] = []
    with pytest.raises(DeliveryError, match="TLS failed"):
        mail_briefs(untrusted, ["desk@example.org"], [pdf], subject="s", sleep=pauses.append)
    assert pauses == [] and inbox.messages == []


def test_nobody_listening_is_retried_then_reported(pdf):
    settings = SmtpSettings(host="127.0.0.1", port=free_port(), timeout=2)
    pauses: list[float] = []
    with pytest.raises(DeliveryError, match="after 3 attempt"):
        mail_briefs(settings, ["desk@example.org"], [pdf], subject="s", attempts=3, sleep=pauses.append)
    assert len(pauses) == 2


def test_settings_come_from_the_environment():
    env = {"BRIEFGEN_SMTP_HOST": "mail.example.org", "BRIEFGEN_SMTP_USER": "u", "BRIEFGEN_SMTP_PASSWORD": "p",
           "BRIEFGEN_SMTP_FROM": "Briefs <briefs@example.org>"}
    s = SmtpSettings.from_env(env)
    assert (s.host, s.port, s.user, s.password, s.security) == ("mail.example.org", 587, "u", "p", "starttls")
    assert SmtpSettings.from_env({**env, "BRIEFGEN_SMTP_SECURITY": "ssl"}).port == 465
    assert SmtpSettings.from_env({}) is None
    with pytest.raises(DeliveryError, match="BRIEFGEN_SMTP_PORT"):
        SmtpSettings.from_env({**env, "BRIEFGEN_SMTP_PORT": "smtp"})


def test_a_password_is_never_sent_in_clear_text(pdf):
    settings = SmtpSettings(host="127.0.0.1", port=free_port(), user="u", password="p", security="none")
    with pytest.raises(DeliveryError, match="without encryption"):
        mail_briefs(settings, ["desk@example.org"], [pdf], subject="s")


def test_build_mail_to_sends_each_audience_its_brief(smtp_server, tmp_path):
    controller, inbox, settings = smtp_server
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "a.txt").write_text(
        "Harbour council approves ferry terminal\n\nThe harbour council approved the terminal on Friday. "
        '"This connects the islands again," said Mayor Ada Okafor.\n')
    env = {"BRIEFGEN_SMTP_HOST": "127.0.0.1", "BRIEFGEN_SMTP_PORT": str(controller.port),
           "BRIEFGEN_SMTP_USER": USER, "BRIEFGEN_SMTP_PASSWORD": PASSWORD, "BRIEFGEN_SMTP_CAFILE": settings.cafile}
    result = CliRunner().invoke(cli, ["-v", "build", str(tmp_path / "inbox"), "--date", DAY, "-a", "executive",
                                      "-a", "press", "-f", "html", "-o", str(tmp_path / "out"),
                                      "--mail-to", "desk@example.org"], env=env)
    assert result.exit_code == 0, result.output
    subjects = sorted(parse(raw)["Subject"] for _, _, raw in inbox.messages)
    assert subjects == ["Executive Brief — 2026-11-28", "Press Office Brief — 2026-11-28"]
    names = sorted(a.get_filename() for _, _, raw in inbox.messages for a in parse(raw).iter_attachments())
    assert names == ["executive.html", "press.html"]
    assert "mailed 1 brief(s) to desk@example.org" in result.stderr
    assert PASSWORD not in result.output


def test_build_mail_failure_keeps_the_briefs_and_exits_6(tmp_path):
    (tmp_path / "a.txt").write_text("The council met on Friday. It approved the plan.\n")
    env = {"BRIEFGEN_SMTP_HOST": "127.0.0.1", "BRIEFGEN_SMTP_PORT": str(free_port()),
           "BRIEFGEN_SMTP_SECURITY": "none"}
    import briefgen.delivery

    original = briefgen.delivery.mail_briefs.__kwdefaults__["sleep"]
    briefgen.delivery.mail_briefs.__kwdefaults__["sleep"] = lambda s: None  # no real back-off in a test
    try:
        result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "--date", DAY, "-a", "analyst",
                                          "-f", "json", "-o", str(tmp_path / "out"), "--mail-to", "d@example.org"],
                                    env=env)
    finally:
        briefgen.delivery.mail_briefs.__kwdefaults__["sleep"] = original
    assert result.exit_code == ExitCode.DELIVERY_FAILED
    assert result.stdout.strip() == str(tmp_path / "out" / DAY / "analyst.json")
    assert "could not mail 1 brief(s) to d@example.org" in result.stderr


def test_mail_to_without_a_server_is_a_usage_error_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text("The council met on Friday.\n")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
                                      "--mail-to", "d@example.org"], env={"BRIEFGEN_SMTP_HOST": ""})
    assert result.exit_code == ExitCode.USAGE and "BRIEFGEN_SMTP_HOST" in result.output
    assert not (tmp_path / "out").exists()
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "--mail-to", "not an address"])
    assert result.exit_code == ExitCode.USAGE and "is not an e-mail address" in result.output
