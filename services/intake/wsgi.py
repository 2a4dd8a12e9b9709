"""Production entry point: `gunicorn services.intake.wsgi:app` (no access log is configured)."""
from services.common import logs

from .app import create_app

logs.configure("intake")
app = create_app()
