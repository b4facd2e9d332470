"""What a push looks like: title, body, tags, priority, click URL and actions (ntfy JSON).

The template is data (`SignalTemplate`), so admins can edit it later; the default follows
the push: `LONG BTC/USDT · FVG 4h · 3 TF`, then entry, stop-loss, targets, strength,
the setup's hit rate and the time in the user's timezone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from cryptolens.notifications.alerts import SignalAlert
from cryptolens.notifications.eligibility import zone_of

ANCHOR_NAMES = {"fvg": "FVG", "order_block": "Order Block", "liquidity_sweep": "Sweep"}
DIRECTION_TAGS = {"long": "chart_with_upwards_trend", "short": "chart_with_downwards_trend"}


@dataclass(frozen=True)
class NtfyMessage:
    topic: str
    title: str
    message: str
    priority: int = 3
    tags: tuple[str, ...] = ()
    click: str | None = None
    actions: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    def as_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "topic": self.topic,
            "title": self.title,
            "message": self.message,
            "priority": self.priority,
            "tags": list(self.tags),
        }
        if self.click:
            body["click"] = self.click
        if self.actions:
            body["actions"] = list(self.actions)
        return body


@dataclass(frozen=True)
class SignalTemplate:
    """Python format strings over the fields `placeholders` gives; one body line each."""

    title: str = "{direction_upper} {symbol} · {anchor_name} {anchor_timeframe} · {confluence} TF"
    lines: tuple[str, ...] = (
        "Entry: {entry}",
        "Stop-loss: {stop_loss} ({stop_pct})",
        "TP1: {tp1} ({tp1_r}) · TP2: {tp2} ({tp2_r}) · TP3: {tp3} ({tp3_r})",
        "Timeframes: {timeframes}",
        "Strength: {strength}",
        "Setup hit rate: {hit_rate}",
        "Time: {local_time}",
    )


DEFAULT_TEMPLATE = SignalTemplate()


def format_price(price: float) -> str:
    """Enough decimals for the price's size: 64,250.50 / 1.2345 / 0.00004321."""
    size = abs(price)
    if size >= 1000:
        return f"{price:,.2f}"
    if size >= 1:
        return f"{price:,.4f}"
    return f"{price:.8f}".rstrip("0").rstrip(".") or "0"


def _r_multiple(alert: SignalAlert, target: float) -> str:
    risk = abs(alert.entry - alert.stop_loss)
    return f"{abs(target - alert.entry) / risk:.1f}R" if risk else "-"


def placeholders(alert: SignalAlert, timezone: str) -> dict[str, str]:
    stop_pct = (alert.stop_loss - alert.entry) / alert.entry * 100 if alert.entry else 0.0
    local = alert.created_at.astimezone(zone_of(timezone))
    return {
        "direction": alert.direction,
        "direction_upper": alert.direction.upper(),
        "symbol": alert.symbol,
        "anchor_name": ANCHOR_NAMES.get(alert.anchor_type, alert.anchor_type),
        "anchor_timeframe": alert.anchor_timeframe,
        "confluence": str(alert.confluence),
        "entry": format_price(alert.entry),
        "stop_loss": format_price(alert.stop_loss),
        "stop_pct": f"{stop_pct:+.2f}%",
        "tp1": format_price(alert.take_profit_1),
        "tp2": format_price(alert.take_profit_2),
        "tp3": format_price(alert.take_profit_3),
        "tp1_r": _r_multiple(alert, alert.take_profit_1),
        "tp2_r": _r_multiple(alert, alert.take_profit_2),
        "tp3_r": _r_multiple(alert, alert.take_profit_3),
        "timeframes": ", ".join(alert.timeframes),
        "strength": f"{alert.strength:.2f}",
        "hit_rate": "" if alert.setup_hit_rate is None else f"{alert.setup_hit_rate:.0%}",
        "local_time": f"{local:%Y-%m-%d %H:%M} {timezone}",
    }


def signal_title(alert: SignalAlert, template: SignalTemplate = DEFAULT_TEMPLATE) -> str:
    return template.title.format_map(placeholders(alert, "UTC"))


def signal_page_url(public_url: str, signal_id: int) -> str:
    return f"{public_url}/signals/{signal_id}"


def mute_url(public_url: str, token: str) -> str:
    return f"{public_url}/api/v1/notifications/mute?token={quote(token, safe='')}"


def build_signal_push(
    alert: SignalAlert,
    *,
    topic: str,
    timezone: str,
    priority: int,
    public_url: str,
    mute_token: str,
    template: SignalTemplate = DEFAULT_TEMPLATE,
) -> NtfyMessage:
    values = placeholders(alert, timezone)
    lines = [
        line.format_map(values)
        for line in template.lines
        # A line about an unknown value (no hit rate yet) is left out rather than blank.
        if not ("{hit_rate}" in line and not values["hit_rate"])
    ]
    chart = f"{public_url}/chart/{quote(alert.symbol, safe='')}"
    return NtfyMessage(
        topic=topic,
        title=template.title.format_map(values),
        message="\n".join(lines),
        priority=priority,
        tags=(DIRECTION_TAGS.get(alert.direction, alert.direction), alert.base_asset.lower()),
        click=signal_page_url(public_url, alert.signal_id),
        actions=(
            {"action": "view", "label": "Open chart", "url": chart},
            {
                "action": "http",
                "label": f"Mute {alert.symbol} 24 h",
                "url": mute_url(public_url, mute_token),
                "method": "POST",
                "clear": True,
            },
        ),
    )
