"""Job bodies of the accounts domain: the token mails (password reset, verification).

The request that asks for one only queues this job (auth/mail_jobs.py), whatever the address:
the lookup, the token and the SMTP conversation happen here, so neither the answer nor its
timing tells whether the address has an account.
"""

from __future__ import annotations

from cryptolens.auth import accounts
from cryptolens.auth.toolkit import AuthToolkit, build_toolkit
from cryptolens.core.mail import HeldOutbox
from cryptolens.db import unit_of_work
from cryptolens.job_context import JobContext, JobCounters

RESET_MAIL = "password_reset"
VERIFY_MAIL = "verification"
MAIL_KINDS = (RESET_MAIL, VERIFY_MAIL)
# The toolkit (mail sender, links) is built once per process and kept with its clients.
_TOOLKIT_KEY = "auth.toolkit"


def _toolkit(ctx: JobContext) -> AuthToolkit:
    toolkit = ctx.resources.get(_TOOLKIT_KEY)
    if not isinstance(toolkit, AuthToolkit):
        toolkit = build_toolkit(ctx.settings)
        ctx.resources[_TOOLKIT_KEY] = toolkit
    return toolkit


async def send_account_mail(ctx: JobContext, kind: str, email: str) -> JobCounters:
    """Issues the token and mails the link when the address belongs to a live account (an
    unverified one for `verification`); does nothing otherwise. The mail goes after the commit,
    so the link's token exists; an SMTP failure fails the run (and a retry mails a new link)."""
    if kind not in MAIL_KINDS:
        raise ValueError(f"unknown account mail {kind!r}")
    tools = _toolkit(ctx)
    outbox = HeldOutbox()
    async with unit_of_work(ctx.session_factory) as db:
        if kind == RESET_MAIL:
            await accounts.forgot_password(db, tools, outbox, email, ctx.clock.now())
        else:
            await accounts.resend_verification(db, tools, outbox, email, ctx.clock.now())
    for message in outbox.messages:
        await tools.mail_sender.send(message)
    return JobCounters(details={"mails": len(outbox.messages)})
