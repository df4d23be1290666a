"""Demo content for the country office site, in English, French and Dutch.

The text lives in data files, not in Python: ``content/pages/<key>.toml`` (one per
page), ``content/topics.toml`` and ``content/media-contacts.toml`` hold every value
in the three languages side by side, so a translator edits them without touching code
(``content/README.md`` explains the format). ``loader`` reads and checks them
(all three languages present, every page, image, topic and contact key known) into
the specs of ``spec``; ``builder`` makes the English objects, then the French and
Dutch ones through wagtail-localize, feeding it the translations from the same files.
``python manage.py load_demo_content`` runs both.
"""
