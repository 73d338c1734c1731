"""This computer's local addresses, and which addresses the phones' server accepts.

No third-party imports: the setup screen lists the addresses without loading the server.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket


def allowed_peer(address: str) -> bool:
    """Private (home, school, hotspot) and loopback addresses only; never the internet."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or (ip.is_private and not ip.is_unspecified and not ip.is_multicast)


def lan_addresses() -> list[str]:
    """This computer's private IPv4 addresses, the usual one first (the one with the default
    route). No packet is sent: a UDP socket only asks the system which source it would use."""
    found: list[str] = []
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect((probe, 9))
            found.append(s.getsockname()[0])
    with contextlib.suppress(OSError):
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    out: list[str] = []
    for a in found:
        ip = ipaddress.ip_address(a)
        if ip.is_private and not ip.is_loopback and not ip.is_link_local and a not in out:
            out.append(a)
    return out


def check_bind_address(host: str) -> str:
    ip = ipaddress.ip_address(host)
    if ip.is_unspecified:
        raise ValueError("the phones' server binds one address, never all of them (0.0.0.0)")
    if not (ip.is_private or ip.is_loopback):
        raise ValueError(f"{host} is not a private or loopback address")
    return str(ip)


__all__ = ["allowed_peer", "check_bind_address", "lan_addresses"]
