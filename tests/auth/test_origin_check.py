"""Unsafe cookie requests from another site are refused by Origin, Referer or Sec-Fetch-Site
(issue #13, failure 10), even with a valid CSRF token; requests without those headers (API
clients, scripts) pass as before."""

from __future__ import annotations

import pytest

from cryptolens.settings import Settings
from tests.auth.conftest import MakeClient, MakeUserClient
from tests.auth.helpers import API, error_of, fetch_csrf, strong_password

PUBLIC_URL = "https://lens.example.com"
EXTRA_ORIGIN = "https://app.example.org"


@pytest.fixture
def test_settings(test_settings: Settings) -> Settings:
    return test_settings.model_copy(
        update={
            "public_url": f"{PUBLIC_URL}/",
            "http": test_settings.http.model_copy(update={"cors_origins": (EXTRA_ORIGIN,)}),
        }
    )


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "https://lens.example.com.evil.example"},
        {"Origin": "http://lens.example.com"},  # another scheme is another origin
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": PUBLIC_URL, "Sec-Fetch-Site": "cross-site"},
        {"Referer": "https://evil.example/page?x=1"},
    ],
)
async def test_a_signed_in_request_from_another_site_is_refused(
    make_user_client: MakeUserClient, headers: dict[str, str]
) -> None:
    user = await make_user_client()
    refused = await user.http.patch(f"{API}/me", json={"display_name": "Forged"}, headers=headers)
    assert error_of(refused)[::2] == (403, "csrf_failed")
    assert "X-Request-ID" in refused.headers
    assert (await user.http.get(f"{API}/me")).json()["data"]["display_name"] is None


@pytest.mark.parametrize(
    "headers",
    [
        {},  # an API client: no browser headers at all
        {"Origin": PUBLIC_URL, "Sec-Fetch-Site": "same-origin"},
        {"Origin": EXTRA_ORIGIN, "Sec-Fetch-Site": "same-site"},
        {"Origin": "http://testserver"},  # the host the request was sent to
        {"Referer": f"{PUBLIC_URL}/profile"},
        {"Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": "none"},  # typed by the user
    ],
)
async def test_a_signed_in_request_from_the_site_itself_passes(
    make_user_client: MakeUserClient, headers: dict[str, str]
) -> None:
    user = await make_user_client()
    accepted = await user.http.patch(f"{API}/me", json={"display_name": "Ann"}, headers=headers)
    assert accepted.status_code == 200, accepted.text


async def test_login_from_another_site_is_refused(make_client: MakeClient) -> None:
    client = make_client()
    await fetch_csrf(client)
    body = {"email": "nobody@example.com", "password": strong_password()}
    refused = await client.post(
        f"{API}/login", json=body, headers={"Origin": "https://evil.example"}
    )
    assert error_of(refused)[::2] == (403, "csrf_failed")
    answered = await client.post(f"{API}/login", json=body, headers={"Origin": PUBLIC_URL})
    assert error_of(answered)[::2] == (401, "invalid_credentials")


async def test_requests_without_cookies_are_not_asked_for_an_origin(
    make_client: MakeClient,
) -> None:
    # The mute link of a push is opened by the NTFY app or a browser: no cookie, no session.
    client = make_client()
    muted = await client.post(
        "/api/v1/notifications/mute?token=bad.token", headers={"Origin": "https://ntfy.sh"}
    )
    assert error_of(muted)[0] == 400
