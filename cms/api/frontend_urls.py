"""Frontend paths and URLs of pages.

One rule: a page's frontend path is its language code followed by its slugs below
its locale's home page, e.g. ``/en/``, ``/fr/qui-sommes-nous/``,
``/nl/nieuws/een-artikel/``. Its URL is ``FRONTEND_BASE_URL`` + path; the CMS's
own host never appears in a page URL.
"""

from urllib.parse import unquote

from django.conf import settings


def frontend_path(url_path: str, language_code: str) -> str:
    """``/home-slug/a/b/`` in locale ``fr`` becomes ``/fr/a/b/``."""
    below_home = url_path.strip("/").split("/")[1:]
    return "/" + "/".join([language_code, *below_home]) + "/"


def frontend_url(path: str) -> str:
    return settings.FRONTEND_BASE_URL + path


def split_frontend_path(path: str) -> tuple[str, list[str]]:
    """``/fr/a/b/`` -> ``("fr", ["a", "b"])``; the language code may be empty."""
    parts = [part for part in path.split("/") if part]
    if not parts:
        return "", []
    return parts[0], parts[1:]


def normalise_frontend_path(path: str) -> tuple[str, list[str]]:
    """The language code and slugs a path spells, however it spells them.

    Percent-escapes are decoded, repeated and missing slashes ignored and the language
    code lower-cased, so ``//FR/qui%2Dsommes-nous`` gives ``("fr", ["qui-sommes-nous"])``;
    the slugs keep their case for a case-insensitive lookup.
    """
    code, slugs = split_frontend_path(unquote(path))
    return code.lower(), slugs


def cms_url(path: str) -> str:
    """Absolute URL of something the CMS itself serves (images, documents)."""
    return settings.WAGTAILAPI_BASE_URL + path
