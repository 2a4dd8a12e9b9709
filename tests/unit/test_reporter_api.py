"""The reporter's API: tokens, roles, and only complete releases."""
from __future__ import annotations

import json

import pytest

from services.contracts.topics import Topics
from services.reporter.app import create_app
from services.reporter.auth import token_hash
from services.reporter.releases import ReleaseBook
from services.reporter.settings import Settings

TOKEN = "unit-test-token"


class FakePublisher:
    def __init__(self):
        self.sent = []

    def send(self, topic, value, key=None):
        self.sent.append((topic, json.loads(value)))


def cell(release_id, i, n, value):
    return {"schema_version": 1, "release_id": release_id, "method_version": "1.0", "released_on": "2026-12-01",
            "table": "about", "period": "2026-Q4", "dims": {"about": ["race", "age"][i]}, "value": value,
            "status": "published" if value is not None else "suppressed", "threshold": 10,
            "cell_index": i, "cells_in_release": n}


@pytest.fixture
def book():
    return ReleaseBook()


@pytest.fixture
def publisher():
    return FakePublisher()


@pytest.fixture
def client(book, publisher):
    settings = Settings("127.0.0.1:1", Topics("t"), 8001, token_hash(TOKEN))
    return create_app(settings, book=book, publisher=publisher, start_reader=False).test_client()


AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_every_api_call_without_the_right_token_is_401(client, headers):
    assert client.get("/api/v1/releases/latest", headers=headers).status_code == 401
    assert client.post("/api/v1/releases", headers=headers).status_code == 401


def test_requesting_a_release_publishes_a_command_and_answers_its_id(client, publisher):
    resp = client.post("/api/v1/releases", headers=AUTH)
    assert resp.status_code == 202
    [(topic, command)] = publisher.sent
    assert topic == "t.commands.v1"
    assert command["kind"] == "release" and command["release_id"] == resp.get_json()["release_id"]


def test_a_release_is_shown_only_when_all_its_cells_have_arrived(client, book):
    assert client.get("/api/v1/releases/latest", headers=AUTH).status_code == 404
    book.add(cell("r1", 0, 2, 15))
    assert client.get("/api/v1/releases/latest", headers=AUTH).status_code == 404
    book.add(cell("r1", 0, 2, 15))   # redelivered
    book.add(cell("r1", 1, 2, None))
    doc = client.get("/api/v1/releases/latest", headers=AUTH).get_json()
    assert doc["release_id"] == "r1"
    assert doc["tables"]["about"]["cells"] == [
        {"period": "2026-Q4", "dims": {"about": "race"}, "value": 15, "status": "published"},
        {"period": "2026-Q4", "dims": {"about": "age"}, "value": None, "status": "suppressed"}]
    assert doc["tables"]["about"]["any_mention"] is True
    assert client.get("/api/v1/releases/nope", headers=AUTH).status_code == 404


def test_the_token_itself_is_never_kept(client):
    settings = Settings("127.0.0.1:1", Topics("t"), 8001, token_hash(TOKEN))
    assert TOKEN not in repr(settings)
