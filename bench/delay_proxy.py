#!/usr/bin/env python3
"""User-space TCP delay proxy (netem is not available on the benchmark machines).

    delay_proxy.py --listen 18001 --target 18000 [--listen 18002 --target 18000 ...] [--delay-ms 25]

Every byte is held for DELAY ms in each direction, so a round trip through the proxy costs 2*DELAY more
(25 ms each way = +50 ms RTT). Per direction the chunks go through one FIFO queue and one writer, so the
order of the bytes is preserved. TCP_NODELAY is set on both sockets of each connection (otherwise Nagle
adds up to ~40-200 ms per small write and the measurement is about Nagle, not latency).

The kernel completes the TCP handshake with the proxy immediately, so on its own a new connection would cost
nothing; to model a real network the first bytes of each connection are also held until one full RTT after
the connection was accepted (the SYN/SYN-ACK round trip). `--no-handshake` turns that off.

Binds 127.0.0.1 only. Runs until SIGTERM/SIGINT. Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import socket
import sys

CHUNK = 64 * 1024


def nodelay(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


async def pump(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    delay: float,
    not_before: float,
) -> None:
    """Copy reader -> writer, each chunk sent `delay` seconds after it arrived (and not before `not_before`)."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[float, bytes | None]] = asyncio.Queue()

    async def read_side() -> None:
        try:
            while True:
                data = await reader.read(CHUNK)
                queue.put_nowait((max(loop.time() + delay, not_before), data or None))
                if not data:
                    return
        except (ConnectionError, OSError):
            queue.put_nowait((loop.time(), None))

    async def write_side() -> None:
        try:
            while True:
                due, data = await queue.get()
                wait = due - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                if data is None:
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            return

    await asyncio.gather(read_side(), write_side())


async def handle(
    client_r: asyncio.StreamReader,
    client_w: asyncio.StreamWriter,
    target: int,
    delay: float,
    handshake: bool,
) -> None:
    loop = asyncio.get_running_loop()
    accepted = loop.time()
    try:
        server_r, server_w = await asyncio.open_connection("127.0.0.1", target)
    except OSError:
        client_w.close()
        return
    nodelay(client_w)
    nodelay(server_w)
    # Client -> server data may leave only after the emulated SYN/SYN-ACK round trip.
    first = accepted + 2 * delay if handshake else 0.0
    try:
        await asyncio.gather(
            pump(client_r, server_w, delay, first),
            pump(server_r, client_w, delay, 0.0),
        )
    finally:
        for w in (client_w, server_w):
            try:
                w.close()
            except OSError:
                pass


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", type=int, action="append", required=True)
    parser.add_argument("--target", type=int, action="append", required=True)
    parser.add_argument("--delay-ms", type=float, default=25.0, help="one-way delay (default 25)")
    parser.add_argument("--no-handshake", action="store_true")
    args = parser.parse_args()
    if len(args.listen) != len(args.target):
        parser.error("give one --target per --listen")
    delay = args.delay_ms / 1000.0
    servers = []
    for listen, target in zip(args.listen, args.target):
        server = await asyncio.start_server(
            lambda r, w, t=target: handle(r, w, t, delay, not args.no_handshake),
            host="127.0.0.1",
            port=listen,
            backlog=512,
            reuse_address=True,
        )
        servers.append(server)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    print(f"delay_proxy: {args.listen} -> {args.target}, {args.delay_ms} ms each way", file=sys.stderr, flush=True)
    await stop.wait()
    for server in servers:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
