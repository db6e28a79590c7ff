"""The reader's address for rate limits: the proxy's header when one is set, else the socket's."""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger("healthinfo.client_ip")

# A proxy's header holds one address, or a short list; the rest is not worth parsing.
MAX_ENTRIES = 10
# Shared by every request whose address cannot be known (a Unix socket and no header):
# those readers share one rate limit rather than getting an error page.
UNKNOWN = "0.0.0.0"  # noqa: S104 (a value, not a bind address)


def meta_key(name):
    """The request.META key for a header named either way: "X-Real-IP" or "HTTP_X_REAL_IP"."""
    name = name.strip().upper().replace("-", "_")
    if name.startswith("HTTP_") or name == "REMOTE_ADDR":
        return name
    return f"HTTP_{name}"


def parse_address(text):
    """An IP address from "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443" or "fe80::1%eth0"."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    text = text.partition("%")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def client_ip(request):
    """RATELIMIT_IP_META_KEY: the first valid address in CLIENT_IP_HEADER, else REMOTE_ADDR."""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header:
        entries = request.META.get(meta_key(header), "").split(",", MAX_ENTRIES)
        for entry in entries[:MAX_ENTRIES]:
            address = parse_address(entry)
            if address is not None:
                return str(address)
    address = parse_address(request.META.get("REMOTE_ADDR") or "")
    if address is None:
        logger.warning(
            "No client address: set CLIENT_IP_HEADER (env RATELIMIT_IP_META_KEY) "
            "to the proxy's header; rate limits are shared meanwhile."
        )
        return UNKNOWN
    return str(address)
