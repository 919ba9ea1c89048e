"""Shared fixtures: the real seed document, a real index built on disk, the real app."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from indexer import PassageIndex, build_corpus, read_document, split_passages
from webapp import create_app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "belgium-2017-ict-reply.txt"
# The entities the seed document's metadata declares, in order.
BELGIAN_ENTITIES = ("federal", "flemish", "french", "german-speaking")


@pytest.fixture(scope="session")
def seed_doc():
    return read_document(SEED)


@pytest.fixture(scope="session")
def passages(seed_doc):
    return list(split_passages(seed_doc))


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    index = tmp_path_factory.mktemp("var") / "index"
    build_corpus(CORPUS, index)
    return index


@pytest.fixture(scope="session")
def passage_index(index_dir):
    index = PassageIndex(index_dir)
    yield index
    index.close()


@pytest.fixture(scope="session")
def app(index_dir):
    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, timeout: float = 120.0) -> None:
    """Wait until `url` answers 200, failing early if `process` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Start the service exactly as `make run` does, on a free port with its own index; yield its base URL."""
    port = free_port()
    index = tmp_path_factory.mktemp("live") / "index"
    log = (tmp_path_factory.mktemp("logs") / "server.log").open("w")
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"PORT={port}", f"INDEX={index}", "WORKERS=1"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz", process)
        yield base
    finally:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
        log.close()
        if sys.exc_info()[0] is not None:
            print(Path(log.name).read_text())
