#!/usr/bin/env python3
"""A fake host API listing one owner's repositories, page by page, with a delay on every request.

    fake_host.py --port 18100 --kind github|gitlab|bitbucket --repos 500 --per-page 100 --delay 0.1

Serves the route `git multi org repos acme` asks of each kind and pages the way that host does: GitHub
`/orgs/acme/repos` with Link headers, GitLab `/groups/acme/projects` with `x-next-page`, Bitbucket
`/repositories/acme` with the body's `next`. Every request waits --delay seconds first (the host's latency).
Binds 127.0.0.1 only; runs until SIGTERM/SIGINT. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import json
import signal
import socket
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def get_request(self):
        sock, addr = super().get_request()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock, addr


def repository(kind: str, n: int) -> dict:
    name = f"repo-{n:04d}"
    if kind == "gitlab":
        return {"path": name, "name": name, "visibility": "private" if n % 3 else "public",
                "default_branch": "main", "last_activity_at": "2026-12-01T00:00:00Z"}
    if kind == "bitbucket":
        return {"slug": name, "name": name, "is_private": n % 3 != 0, "mainbranch": {"name": "main"},
                "updated_on": "2026-12-01T00:00:00+00:00"}
    return {"name": name, "private": n % 3 != 0, "default_branch": "main", "pushed_at": "2026-12-01T00:00:00Z",
            "owner": {"login": "acme"}}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--kind", choices=["github", "gitlab", "bitbucket"], required=True)
    parser.add_argument("--repos", type=int, default=500)
    parser.add_argument("--per-page", type=int, default=100)
    parser.add_argument("--delay", type=float, default=0.1)
    args = parser.parse_args()
    route = {"github": "/orgs/acme/repos", "gitlab": "/groups/acme/projects",
             "bitbucket": "/repositories/acme"}[args.kind]
    pages = max(1, -(-args.repos // args.per_page))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *more):  # noqa: A002 - quiet: the benchmark prints its own table
            pass

        def do_GET(self):
            time.sleep(args.delay)
            url = urlsplit(self.path)
            if url.path != route:
                return self.answer(404, {"message": "Not Found"}, {})
            page = int(parse_qs(url.query).get("page", ["1"])[0])
            first = (page - 1) * args.per_page
            items = [repository(args.kind, n) for n in range(first, min(first + args.per_page, args.repos))]
            base = f"http://127.0.0.1:{args.port}{route}"
            headers = {}
            if args.kind == "github":
                if page < pages:
                    headers["Link"] = f'<{base}?per_page={args.per_page}&page={page + 1}>; rel="next"'
                return self.answer(200, items, headers)
            if args.kind == "gitlab":
                headers["x-next-page"] = str(page + 1) if page < pages else ""
                return self.answer(200, items, headers)
            body = {"values": items, "pagelen": args.per_page}
            if page < pages:
                body["next"] = f"{base}?pagelen={args.per_page}&page={page + 1}"
            return self.answer(200, body, headers)

        def answer(self, status: int, body, headers: dict):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

    server = Server(("127.0.0.1", args.port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
