"""`flask mail worker` (long-running, beside the web hosts) and `flask mail deliver` (one pass, for cron)."""

import contextlib
import signal

import click
from flask import current_app

from portal.core.outbox import deliver_pending, run_worker

mail_cli = click.Group("mail", help="The e-mail outbox.")


@mail_cli.command("deliver")
def deliver_command() -> None:
    """Deliver every message due now, once, then stop."""
    sent, failed = deliver_pending()
    click.echo(f"{sent} sent, {failed} failed (failures are retried later).")


@mail_cli.command("worker")
@click.option("--interval", type=float, default=None, help="Seconds to rest when the outbox is empty.")
def worker_command(interval: float | None) -> None:
    """Deliver queued messages until stopped (SIGTERM or Ctrl-C finish the message in hand first)."""
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    interval = interval if interval is not None else current_app.config["MAIL_WORKER_INTERVAL"]
    click.echo(f"Mail worker started ({current_app.config['MAIL_BACKEND']} backend).")
    with contextlib.suppress(KeyboardInterrupt):
        run_worker(interval, stop=lambda: bool(stopping))
    click.echo("Mail worker stopped.")
