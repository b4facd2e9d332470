"""The request side of the token mails: queue the `send_account_mail` job and nothing else.

forgot-password and resend-verification answer the same whatever the address, and must take
the same time too: looking the address up, issuing a token and talking to the SMTP server all
happen in the job (auth/tasks.py), never in the request.
"""

from __future__ import annotations

import logging

from cryptolens.auth.tasks import RESET_MAIL, VERIFY_MAIL
from cryptolens.core.errors import ServiceUnavailableError
from cryptolens.job_context import JobQueue

log = logging.getLogger("cryptolens.auth")

JOB_NAME = "send_account_mail"


async def queue_password_reset(queue: JobQueue, email: str) -> None:
    await _queue_mail(queue, RESET_MAIL, email)


async def queue_verification(queue: JobQueue, email: str) -> None:
    await _queue_mail(queue, VERIFY_MAIL, email)


async def _queue_mail(queue: JobQueue, kind: str, email: str) -> None:
    try:
        await queue.enqueue(JOB_NAME, kind=kind, email=email)
    except Exception as exc:  # the queue's store is down (Redis): the same for every address
        log.warning("auth.mail_not_queued", extra={"kind": kind, "error": repr(exc)[:200]})
        raise ServiceUnavailableError(
            "Cannot send mail right now; try again in a minute", headers={"Retry-After": "30"}
        ) from exc
