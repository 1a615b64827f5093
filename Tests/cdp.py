#!/usr/bin/env python3
"""A small Chrome DevTools Protocol client (standard library only) for Tests/watch-check.sh.

    python3 Tests/cdp.py PROFILE_DIR wait-text TEXT SECONDS   # exit 0 once the page shows TEXT
    python3 Tests/cdp.py PROFILE_DIR eval EXPRESSION          # print the expression's value

PROFILE_DIR is Chromium's --user-data-dir, started with --remote-debugging-port=0: the port
is read from its DevToolsActivePort file. The first page target is used. No page is ever
reloaded from here: a page that changes does so by itself (nnbook watch's live reload).
"""
import base64
import json
import os
import socket
import struct
import sys
import time
import urllib.request


def devtools_port(profile, deadline):
    path = os.path.join(profile, "DevToolsActivePort")
    while time.time() < deadline:
        try:
            with open(path) as f:
                return int(f.readline().strip())
        except (OSError, ValueError):
            time.sleep(0.1)
    raise SystemExit("cdp: no DevToolsActivePort in %s" % profile)


def page_socket_url(port, deadline):
    while time.time() < deadline:
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=5) as r:
                for t in json.load(r):
                    if t.get("type") == "page" and t.get("webSocketDebuggerUrl"):
                        return t["webSocketDebuggerUrl"]
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("cdp: no page target")


class WebSocket:
    """Just enough of RFC 6455 for CDP: masked text frames out, whole messages in."""

    def __init__(self, url):
        assert url.startswith("ws://")
        hostport, _, path = url[5:].partition("/")
        host, _, port = hostport.partition(":")
        self.sock = socket.create_connection((host, int(port or 80)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(("GET /%s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (path, hostport, key)).encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(1)
            if not chunk:
                raise SystemExit("cdp: handshake closed")
            head += chunk
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise SystemExit("cdp: handshake refused: %r" % head[:200])
        self.next_id = 0

    def _exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise SystemExit("cdp: connection closed")
            data += chunk
        return data

    def send(self, text):
        payload = text.encode()
        header = bytes([0x81])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def receive(self):
        message = b""
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            mask = self._exact(4) if b1 & 0x80 else None
            data = self._exact(n)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            opcode = b0 & 0x0F
            if opcode == 8:
                raise SystemExit("cdp: closed by the browser")
            if opcode in (0, 1, 2):
                message += data
                if b0 & 0x80:
                    return message.decode("utf-8", "replace")

    def call(self, method, params=None):
        self.next_id += 1
        self.send(json.dumps({"id": self.next_id, "method": method, "params": params or {}}))
        while True:
            reply = json.loads(self.receive())
            if reply.get("id") == self.next_id:
                return reply


def evaluate(ws, expression):
    reply = ws.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
    return reply.get("result", {}).get("result", {}).get("value")


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    profile, command = sys.argv[1], sys.argv[2]
    start = time.time()
    port = devtools_port(profile, start + 30)
    ws = WebSocket(page_socket_url(port, start + 30))
    if command == "eval":
        print(evaluate(ws, sys.argv[3]))
        return
    if command == "wait-text":
        text, seconds = sys.argv[3], float(sys.argv[4])
        deadline = time.time() + seconds
        body = None
        while True:
            try:
                body = evaluate(ws, "document.body ? document.body.innerText : ''")
            except (OSError, ValueError):
                body = None
            if body and text in body:
                print("cdp: found %r after %.2f s" % (text, time.time() - start))
                return
            if time.time() > deadline:
                shown = (body or "")[:600].replace("\n", " | ")
                raise SystemExit("cdp: %r not shown within %.1f s; the page shows: %s" % (text, seconds, shown))
            time.sleep(0.05)
    raise SystemExit("cdp: unknown command %s" % command)


if __name__ == "__main__":
    main()
