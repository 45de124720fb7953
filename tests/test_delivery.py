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
from briefgen.cli.exitcodes import ExitCode  # noqa: E402
from briefgen.ops.delivery import DeliveryError, SmtpSettings, mail_briefs  # noqa: E402
from briefgen.settings import ConfigError, load_settings  # noqa: E402

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
    import briefgen.ops.delivery

    original = briefgen.ops.delivery.mail_briefs.__kwdefaults__["sleep"]
    briefgen.ops.delivery.mail_briefs.__kwdefaults__["sleep"] = lambda s: None  # no real back-off in a test
    try:
        result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "--date", DAY, "-a", "analyst",
                                          "-f", "json", "-o", str(tmp_path / "out"), "--mail-to", "d@example.org"],
                                    env=env)
    finally:
        briefgen.ops.delivery.mail_briefs.__kwdefaults__["sleep"] = original
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


# ---------------------------------------------------------------- [smtp] and mail_to in the config file

STORY = ("Harbour council approves ferry terminal\n\nThe harbour council approved the terminal on Friday. "
         '"This connects the islands again," said Mayor Ada Okafor.\n')
NO_MAIL_ENV = {"BRIEFGEN_SMTP_HOST": "", "BRIEFGEN_SMTP_PORT": "", "BRIEFGEN_SMTP_USER": "",
               "BRIEFGEN_SMTP_PASSWORD": "", "BRIEFGEN_SMTP_FROM": "", "BRIEFGEN_SMTP_SECURITY": "",
               "BRIEFGEN_SMTP_CAFILE": "", "BRIEFGEN_MAIL_TO": ""}


def mail_config(tmp_path: Path, port: int, cafile: str, extra: str = "") -> Path:
    path = tmp_path / "briefgen.toml"
    path.write_text(f'''
[smtp]
host = "127.0.0.1"
port = {port}
user = "{USER}"
cafile = "{cafile}"
password_env = "BRIEFS_TEST_SMTP_PASSWORD"
{extra}
[audiences.executive]
mail_to = ["ceo@example.org", "coo@example.org"]

[audiences.press]
mail_to = ["press-desk@example.org"]
''')
    path.chmod(0o600)
    return path


def messages(inbox: Inbox) -> list[tuple[tuple[str, ...], list[str]]]:
    """(recipients, names of the attached files) of every message received, sorted."""
    return sorted((tuple(rcpts), sorted(a.get_filename() for a in parse(raw).iter_attachments()))
                  for _, rcpts, raw in inbox.messages)


def test_each_audience_in_the_config_receives_only_its_own_pdf(smtp_server, tmp_path):
    controller, inbox, settings = smtp_server
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "a.txt").write_text(STORY)
    path = mail_config(tmp_path, controller.port, settings.cafile)
    log_file = tmp_path / "briefgen.log"
    result = CliRunner().invoke(cli, ["-v", "--log-file", str(log_file), "build", str(tmp_path / "inbox"),
                                      "-c", str(path), "--date", DAY, "-a", "executive", "-a", "press",
                                      "-a", "analyst", "-o", str(tmp_path / "out")],
                                env={**NO_MAIL_ENV, "BRIEFS_TEST_SMTP_PASSWORD": PASSWORD})
    assert result.exit_code == 0, result.output
    assert messages(inbox) == [(("ceo@example.org", "coo@example.org"), ["executive.pdf"]),
                               (("press-desk@example.org",), ["press.pdf"])]  # the analyst brief has no readers
    for _, _rcpts, raw in inbox.messages:
        (attachment,) = parse(raw).iter_attachments()
        name = attachment.get_filename()
        assert attachment.get_content() == (tmp_path / "out" / DAY / name).read_bytes()
    assert "mailed 1 brief(s) to press-desk@example.org" in log_file.read_text()
    assert PASSWORD not in result.output and PASSWORD not in log_file.read_text()


def test_mail_to_variable_beats_the_config_and_the_flag_beats_both(smtp_server, tmp_path):
    controller, inbox, settings = smtp_server
    (tmp_path / "a.txt").write_text(STORY)
    path = mail_config(tmp_path, controller.port, settings.cafile)
    env = {**NO_MAIL_ENV, "BRIEFS_TEST_SMTP_PASSWORD": PASSWORD, "BRIEFGEN_MAIL_TO": "night@example.org"}
    args = ["build", str(tmp_path / "a.txt"), "-c", str(path), "--date", DAY, "-a", "executive", "-a", "analyst",
            "-f", "json", "-o", str(tmp_path / "out")]
    assert CliRunner().invoke(cli, args, env=env).exit_code == 0
    # The variable replaces every audience's list, so the analyst brief (no list in the file) goes too.
    assert messages(inbox) == [(("night@example.org",), ["analyst.json"]),
                               (("night@example.org",), ["executive.json"])]
    inbox.messages.clear()
    assert CliRunner().invoke(cli, [*args, "--mail-to", "flag@example.org"], env=env).exit_code == 0
    assert messages(inbox) == [(("flag@example.org",), ["analyst.json"]),
                               (("flag@example.org",), ["executive.json"])]


def test_smtp_variables_beat_the_file_and_the_password_has_three_sources(tmp_path):
    path = tmp_path / "briefgen.toml"
    path.write_text('[smtp]\nhost = "mail.example.org"\nport = 2525\nuser = "u"\nfrom = "Briefs <b@example.org>"\n'
                    'password = "from-the-file"\npassword_env = "MY_SMTP_PASSWORD"\n')
    path.chmod(0o600)
    s = load_settings(path, env={}).smtp
    assert (s.host, s.port, s.user, s.sender, s.security, s.password) == (
        "mail.example.org", 2525, "u", "Briefs <b@example.org>", "starttls", "from-the-file")
    s = load_settings(path, env={"MY_SMTP_PASSWORD": "from-the-named-variable",
                                 "BRIEFGEN_SMTP_PORT": "2626", "BRIEFGEN_SMTP_HOST": "relay.example.org"}).smtp
    assert (s.host, s.port, s.password) == ("relay.example.org", 2626, "from-the-named-variable")
    settings = load_settings(path, env={"MY_SMTP_PASSWORD": "from-the-named-variable",
                                        "BRIEFGEN_SMTP_PASSWORD": "from-briefgen-variable"})
    assert settings.smtp.password == "from-briefgen-variable"
    assert "from-" not in repr(settings)  # nor in any log line or traceback that prints the settings
    assert load_settings(None, env={"HOME": str(tmp_path / "none"), "BRIEFGEN_SMTP_HOST": "h",
                                    "BRIEFGEN_SMTP_SECURITY": "ssl"}, cwd=tmp_path / "none").smtp.port == 465


def test_a_password_in_a_file_others_can_read_is_warned_about_without_showing_it(tmp_path, caplog):
    path = tmp_path / "briefgen.toml"
    path.write_text(f'[smtp]\nhost = "h"\nuser = "u"\npassword = "{PASSWORD}"\n')
    path.chmod(0o644)
    caplog.set_level(logging.WARNING, logger="briefgen")
    assert load_settings(path, env={}).smtp.password == PASSWORD
    assert "other users can read; chmod 600" in caplog.text and PASSWORD not in caplog.text
    caplog.clear()
    path.chmod(0o600)
    load_settings(path, env={})
    assert caplog.text == ""


@pytest.mark.parametrize(("table", "message"), [
    ('hostname = "h"', r":2: smtp.hostname: unknown key; did you mean 'host'\?"),
    ('host = "h"\nport = 99999', r":3: smtp.port: expected a port number"),
    ('host = "h"\nsecurity = "tls"', r":3: smtp.security: expected one of 'starttls', 'ssl', 'none'"),
    ('host = "h"\npassword_env = "not a name"', r":3: smtp.password_env: expected the name of an environment"),
    ('host = "h"\ncafile = "missing.pem"', r":3: smtp.cafile: expected an existing PEM file"),
    ('user = "u"', r":1: smtp.host: expected the mail server's name"),
])
def test_bad_smtp_settings_name_the_line_and_what_was_expected(tmp_path, table, message):
    path = tmp_path / "briefgen.toml"
    path.write_text(f"[smtp]\n{table}\n")
    with pytest.raises(ConfigError, match=message):
        load_settings(path, env={})


def test_a_bad_password_value_is_refused_without_echoing_it(tmp_path):
    path = tmp_path / "briefgen.toml"
    path.write_text('[smtp]\nhost = "h"\npassword = ["s3cret-in-a-list"]\n')
    with pytest.raises(ConfigError, match=":3: smtp.password: expected a non-empty string") as err:
        load_settings(path, env={})
    assert "s3cret" not in str(err.value)


def test_bad_recipients_in_an_audience_are_refused_with_the_line(tmp_path):
    path = tmp_path / "briefgen.toml"
    path.write_text('[audiences.press]\nmail_to = ["desk at example.org"]\n')
    with pytest.raises(ConfigError, match=r":2: audiences.press.mail_to: expected a list of e-mail addresses"):
        load_settings(path, env={})


def test_recipients_are_not_inherited_by_an_audience_that_extends_another(tmp_path):
    path = tmp_path / "briefgen.toml"
    path.write_text('[audiences.executive]\nmail_to = "ceo@example.org"\n\n'
                    '[audiences.board]\nextends = "executive"\n')
    s = load_settings(path, env={})
    assert s.recipients("executive") == ("ceo@example.org",) and s.recipients("board") == ()
    assert load_settings(path, env={"BRIEFGEN_MAIL_TO": "a@x.org, b@x.org"}).recipients("board") == ("a@x.org",
                                                                                                       "b@x.org")


def test_a_login_without_a_password_is_a_usage_error_before_any_work(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    path = mail_config(tmp_path, free_port(), str(tmp_path / "briefgen.toml"))
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "a.txt"), "-c", str(path), "-a", "press",
                                      "-o", str(tmp_path / "out")],
                                env={**NO_MAIL_ENV, "BRIEFS_TEST_SMTP_PASSWORD": ""})
    assert result.exit_code == ExitCode.USAGE
    assert "$BRIEFS_TEST_SMTP_PASSWORD (named by password_env) is not set" in result.output
    assert not (tmp_path / "out").exists()


def test_the_mail_body_is_the_brief_made_for_mail_clients_with_the_pdf_attached(smtp_server, tmp_path):
    controller, inbox, settings = smtp_server
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "a.txt").write_text(
        "Harbour council approves ferry terminal\n\nThe harbour council approved the new ferry terminal on "
        "Friday after a vote of nine to two. The terminal will cost 40 million euros over three years. "
        '"This connects the islands again and it will serve everyone for decades," said Mayor Ada Okafor.\n')
    env = {"BRIEFGEN_SMTP_HOST": "127.0.0.1", "BRIEFGEN_SMTP_PORT": str(controller.port),
           "BRIEFGEN_SMTP_USER": USER, "BRIEFGEN_SMTP_PASSWORD": PASSWORD, "BRIEFGEN_SMTP_CAFILE": settings.cafile}
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "inbox"), "--date", DAY, "-a", "executive",
                                      "-f", "pdf", "-o", str(tmp_path / "out"), "--mail-to", "desk@example.org"],
                                env=env)
    assert result.exit_code == 0, result.output
    (_, _, raw), = inbox.messages
    msg = parse(raw)
    html = msg.get_body(("html",)).get_content()
    text = msg.get_body(("plain",)).get_content()
    assert "Harbour council approves ferry terminal" in html and "Harbour council approves ferry terminal" in text
    assert "<svg" not in html and "<script" not in html and "<style" not in html  # mail clients drop them
    assert 'style="' in html and "attached as PDF" in html
    assert [a.get_filename() for a in msg.iter_attachments()] == ["executive.pdf"]
