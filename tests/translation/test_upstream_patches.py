"""The wagtail-localize methods this project replaces are the ones it was written against.

``translation/fallback.py`` replaces ``Translation.save_target`` and ``translation/submit_form.py``
``SubmitTranslationView.get_form``; each calls the original. If an upgrade changes an original,
the replacement may skip or repeat what the new code does, silently. These tests pin the
originals' source: when one fails, read the upstream change, adapt the replacement named in the
message, then update the hash here.
"""

import hashlib
import inspect

import pytest
import wagtail
import wagtail_localize

from translation import fallback, refusals, submit_form

PINNED = {
    "wagtail_localize.models.Translation.save_target": (
        lambda: fallback._original_save_target,
        "d63133399d2c3e40a4e078bc72c8ad9ca8bd8d558ed3765f3931bc117e6f7b88",
        "translation/fallback.py (guarded_save_target: incomplete translations never write a live page)",
    ),
    "wagtail_localize.views.submit_translations.SubmitTranslationView.get_form": (
        lambda: submit_form._original_get_form,
        "e0c039780802f2144e7185737767c5746b0b1eb7b32120449ea6e894f5afc517",
        "translation/submit_form.py (get_permitted_form: a translator is offered only their locales)",
    ),
    "wagtail.admin.auth.permission_denied": (
        lambda: refusals._wagtail_permission_denied,
        "0a2f47e25b7d14c561d195299fc143388fe8cab2e19d5c2db13717e85672c6ae",
        "translation/refusals.py (its message in the user's admin language)",
    ),
}


def source_hash(function) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()


@pytest.mark.parametrize("name", PINNED)
def test_patched_upstream_method_is_unchanged(name):
    original, pinned_hash, replacement = PINNED[name]

    assert source_hash(original()) == pinned_hash, (
        f"{name} changed upstream (wagtail {wagtail.__version__}, "
        f"wagtail-localize {wagtail_localize.__version__}). "
        f"Re-check {replacement} against the new code, then pin the new hash in {__file__}."
    )


def test_the_replacements_are_installed():
    from wagtail_localize.models import Translation
    from wagtail_localize.views.submit_translations import SubmitTranslationView

    assert Translation.save_target is fallback.guarded_save_target
    from wagtail.admin import auth

    assert SubmitTranslationView.get_form is submit_form.get_permitted_form
    assert auth.permission_denied is refusals.wagtail_permission_denied_in_admin_language
