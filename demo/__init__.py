"""Demo content for the country office site, in English, French and Dutch.

The content modules (``snippets``, ``sections``, ``articles``) hold the text of every
demo object as :class:`~demo.text.Text` values carrying all three languages.
The builder makes the English objects from the English text, then the French and
Dutch ones through wagtail-localize, feeding it the translations from the same
values. ``python manage.py load_demo_content`` runs it.
"""
