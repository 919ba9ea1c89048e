"""The service as `make run` starts it (production WSGI server), queried over a real socket."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request

from .conftest import CORPUS, ROOT


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


def test_make_rebuilds_the_index_only_when_the_corpus_is_newer(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(CORPUS, corpus)
    stamp = index / "BUILD_INFO.json"
    make = ["make", "--no-print-directory", f"CORPUS={corpus}", f"INDEX={index}", str(stamp)]
    subprocess.run(make, cwd=ROOT, check=True, capture_output=True)
    first = stamp.stat().st_mtime_ns, os.readlink(index)
    again = subprocess.run(make, cwd=ROOT, check=True, capture_output=True, text=True)
    assert "up to date" in again.stdout
    assert (stamp.stat().st_mtime_ns, os.readlink(index)) == first
    document = corpus / "belgium-2017-ict-reply.txt"
    later = stamp.stat().st_mtime + 10
    os.utime(document, (later, later))
    subprocess.run(make, cwd=ROOT, check=True, capture_output=True)
    assert os.readlink(index) != first[1]
