"""The check that every browser journey leaves no server error in the log does notice one."""

import time
import urllib.error
import urllib.request

import pytest

from .urls import FAILURE_PATH

pytestmark = pytest.mark.browser


def test_a_server_error_shows_in_the_log_check(server, server_log):
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(f"{server}/{FAILURE_PATH}", timeout=10)  # noqa: S310 (loopback)
    assert answer.value.code == 500
    errors = []
    # The request's line is written once the answer has gone; wait for it (a bound, not a measurement).
    for _ in range(50):
        errors += server_log.new_errors()
        if any(FAILURE_PATH in line and '" 500 ' in line for line in errors):
            break
        time.sleep(0.1)
    assert any(FAILURE_PATH in line and '" 500 ' in line for line in errors), errors
    assert any(line.startswith("Traceback") for line in errors), errors
    # The check saw them: read, they no longer fail this test's own end-of-test check.
