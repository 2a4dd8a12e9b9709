"""The load benchmark's baseline (deploy/bench.py): the least a Flask app can do for a report,
parse the JSON body and answer 202, served under the intake's own gunicorn settings."""
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/api/v1/reports")
def report():
    request.get_json()
    return jsonify(status="accepted"), 202


@app.get("/healthz")
def healthz():
    return jsonify(status="ok")
