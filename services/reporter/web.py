"""The reporter's web pages: sign-in by token into a short session, and the administrators'
view of where data is kept. The session cookie holds only the role and when it was issued,
signed with a key that lives in this process's memory."""
from __future__ import annotations

import asyncio
import time
from functools import wraps

from flask import Blueprint, redirect, render_template, request, session, url_for

from services.common import lifetimes

SESSION_SECONDS = 8 * 60 * 60


def create_blueprint(tokens, settings, admin_role: str) -> Blueprint:
    web = Blueprint("web", __name__, template_folder="templates")

    def current_role() -> str | None:
        role, issued = session.get("role"), session.get("issued", 0)
        if role and time.time() - issued < SESSION_SECONDS:
            return role
        session.clear()
        return None

    def page(*roles):
        def deco(view):
            @wraps(view)
            def wrapper(*args, **kwargs):
                role = current_role()
                if role is None:
                    return redirect(url_for("web.sign_in", next=request.path))
                if role not in roles:
                    return render_template("base.html", role=role), 403
                return view(role, *args, **kwargs)
            return wrapper
        return deco

    def safe_next(value: str | None) -> str:
        return value if value and value.startswith("/") and not value.startswith("//") else url_for("web.home")

    @web.get("/sign-in")
    def sign_in_page():
        return render_template("sign_in.html", next=safe_next(request.args.get("next")), role=None)

    @web.post("/sign-in")
    def sign_in():
        role = tokens.role_of(f"Bearer {request.form.get('token', '')}")
        if role is None:
            return render_template("sign_in.html", next=safe_next(request.form.get("next")), role=None,
                                   error="Enter a valid access token"), 401
        session.clear()
        session.update(role=role, issued=int(time.time()))
        return redirect(safe_next(request.form.get("next")))

    @web.post("/sign-out")
    def sign_out():
        session.clear()
        return redirect(url_for("web.sign_in"))

    @web.get("/")
    @page(admin_role, "viewer")
    def home(role):
        return redirect(url_for("web.operator") if role == admin_role else url_for("web.sign_in"))

    @web.get("/operator")
    @page(admin_role)
    def operator(role):
        states = asyncio.run(lifetimes.survey(settings.kafka_bootstrap, settings.topics))
        return render_template("operator.html", role=role, states=states, prefix=settings.topics.prefix,
                               duration=lifetimes.duration)

    return web
