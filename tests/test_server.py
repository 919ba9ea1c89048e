"""The service as `make run` starts it (production WSGI server), queried over a real socket."""

from __future__ import annotations

import json
import urllib.error
import urllib.request


def get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


def test_health_api_and_page_over_a_socket(live_server):
    status, headers, body = get(live_server + "/healthz")
    assert status == 200 and json.loads(body)["passages"] > 400
    assert "gunicorn" in headers.get("Server", "")

    status, _, body = get(live_server + "/api/search?q=Mediaraven&community=flemish")
    data = json.loads(body)
    assert status == 200 and data["total"] > 0
    assert all("<mark>" in hit["snippet"] for hit in data["hits"])

    status, _, body = get(live_server + "/?q=p%C3%A9dopornographie&ui=fr")
    assert status == 200 and "<mark>pédopornographie</mark>" in body

    status, _, body = get(live_server + "/api/search?per_page=0")
    assert status == 400 and json.loads(body)["error"]["code"] == "invalid_parameter"
