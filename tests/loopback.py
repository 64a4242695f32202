"""An HTTP server on a free loopback port: what a CDN or a webhook receiver would be, outside the machine."""

import threading
from contextlib import contextmanager
from http.server import ThreadingHTTPServer


@contextmanager
def serving(handler):
    """`handler` (a BaseHTTPRequestHandler) answering on loopback in a thread while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # Polled for its shutdown every 10 ms rather than Python's 0.5 s, which every test that stopped one waited.
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
