"""Production entry point: `gunicorn -w 1 services.reporter.wsgi:app` (one worker: it holds the
release reader)."""
from services.common import logs

from .app import create_app

logs.configure("reporter")
app = create_app()
