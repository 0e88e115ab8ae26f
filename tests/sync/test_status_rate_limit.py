"""The public tracking-code look-up's rate limit: counted per client, an IPv6 client by its /64,
and not lifted for everyone by a flood of addresses."""

from __future__ import annotations

from kanoon_desk.server import status
from kanoon_desk.server.status import RateLimiter


def test_an_ipv6_client_changing_address_within_its_line_is_one_client() -> None:
    limiter = RateLimiter(capacity=3, per_minute=1)
    answers = [limiter.allow(f"2001:db8:1234:5678::{n:x}") for n in range(1, 6)]
    assert answers == [True, True, True, False, False]
    assert limiter.allow("2001:db8:1234:5679::1")  # the next /64 is someone else
    assert status.client_key("::ffff:192.0.2.7") == status.client_key("192.0.2.7") == "192.0.2.7"


def test_a_flood_of_addresses_does_not_lift_a_clients_limit() -> None:
    limiter = RateLimiter(capacity=2, per_minute=1, max_clients=50)
    assert limiter.allow("198.51.100.9") and limiter.allow("198.51.100.9")
    assert not limiter.allow("198.51.100.9")
    for n in range(500):  # the same client (or a friend) from many other addresses
        limiter.allow(f"10.{n // 250}.{n % 250}.1")
    assert not limiter.allow("198.51.100.9")  # still waiting for its tokens
    assert len(limiter._buckets) <= 50 + 1  # and the table stays bounded
