"""Every admin request is one transaction.

Wagtail's create view writes the page row, then its first revision, in separate steps; a
failure between them (a locked SQLite database during an autosave, a lost connection) left a
page with no revision that blocked its own slug. Wrapped in one transaction, an interrupted
request leaves nothing. The API is left out: its cached answers must stay free of queries.
"""

from django.db import transaction


class AtomicAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/admin/"):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                # Django has already turned the view's exception into this response.
                transaction.set_rollback(True)
            return response
