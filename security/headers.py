"""Content-Security-Policy on every response the CMS sends.

API responses are JSON that no browser should ever run or embed: ``default-src
'none'``. Everything else (the Wagtail admin, its login page) gets
``CONTENT_SECURITY_POLICY`` from the settings, which the admin works under: its
scripts and styles come from the CMS itself, though some editor widgets and
wagtail-localize's editor still use inline scripts, and the preview panel frames
the frontend. A response that already has a policy (Wagtail's image and document
serving set their own) keeps it.
"""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            is_api = request.path.startswith("/api/")
            policy = settings.API_CONTENT_SECURITY_POLICY if is_api else settings.CONTENT_SECURITY_POLICY
            response["Content-Security-Policy"] = policy
        return response
