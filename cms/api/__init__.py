"""The headless API: Wagtail's API v2 conventions, made multilingual for a separate frontend.

``router.py`` mounts the endpoints, ``views.py`` holds one viewset per endpoint,
``filters.py`` one filter backend per query parameter, ``serializers/`` one module
per concern of the JSON (paths, translations, rich text, images, streams, snippets),
``references.py`` the batched lookups that keep a response's query count flat.
"""
