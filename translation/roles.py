"""The editorial roles as Wagtail groups, created or brought up to date idempotently.

Page permissions are granted on the home page of the role's locale, so Wagtail itself
confines each group to one language tree; ``permissions.py`` derives the same locale
for snippets and wagtail-localize's views. Images and documents are shared by every
language, so translators may choose them but only editors manage them.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page

from home.models import HomePage
from news.moderation import MODERATORS_GROUP_NAME

SNIPPET_MODELS = [("news", "topic"), ("news", "mediacontact")]
EDIT_SNIPPETS = ["add", "change", "delete", "view"]
# Editors and moderators keep the glossary; translators read it.
MANAGE_GLOSSARY = [("translation", f"{action}_glossaryterm") for action in EDIT_SNIPPETS]
READ_GLOSSARY = [("translation", "view_glossaryterm")]


@dataclass(frozen=True)
class Role:
    """One group: its name, the locale it works in and what it may do there."""

    name: str
    language_code: str | None
    description: str
    page_permissions: list[str]
    model_permissions: list[tuple[str, str]] = field(default_factory=list)
    collection_permissions: list[tuple[str, str]] = field(default_factory=list)


def snippet_permissions(actions):
    return [(app, f"{action}_{model}") for app, model in SNIPPET_MODELS for action in actions]


EDITORS = Role(
    name="Editors",
    language_code=settings.LANGUAGE_CODE,
    description=_("Create, edit and publish English content; submit it for translation."),
    page_permissions=["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    model_permissions=[("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]
    + snippet_permissions(EDIT_SNIPPETS)
    + MANAGE_GLOSSARY,
    collection_permissions=[
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
)


def translator_role(name, language_code, description):
    return Role(
        name=name,
        language_code=language_code,
        description=description,
        # Translators convert aliases into translations, which Wagtail counts as adding.
        page_permissions=["add_page", "change_page", "publish_page"],
        # "Translate this page" on an alias is wagtail-localize's submission into their own
        # locale; the middleware refuses any other target locale.
        model_permissions=[("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]
        + snippet_permissions(EDIT_SNIPPETS)
        + READ_GLOSSARY,
        collection_permissions=[("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")],
    )


# Moderators review and publish in every language, so their grant is on the tree root.
MODERATORS = Role(
    name=MODERATORS_GROUP_NAME,
    language_code=None,
    description=_("Review and publish content in every language."),
    page_permissions=["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    model_permissions=[("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")]
    + snippet_permissions(EDIT_SNIPPETS)
    + MANAGE_GLOSSARY,
    collection_permissions=[("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")],
)


def language_name(language_code: str) -> str:
    """The English name of a content language ("German"), as settings.LANGUAGES has it."""
    with translation.override("en"):
        return str(dict(settings.LANGUAGES).get(language_code, language_code))


def translator_group_name(language_code: str) -> str:
    # Group names stay English (as "Editors" does), so they are stable whatever the admin language.
    return f"{language_name(language_code)} translators"


def translators_for(language_code: str) -> Role:
    """One translator group per target language, each with the same limits."""
    return translator_role(
        translator_group_name(language_code),
        language_code,
        _("Translate, edit and publish %(language)s pages and snippets, and nothing else.")
        % {"language": dict(settings.LANGUAGES).get(language_code, language_code)},
    )


def target_language_codes() -> list[str]:
    """Every content language except the source (the first of CONTENT_LANGUAGES)."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def all_roles() -> list[Role]:
    """Editors, a translator group per target language, Moderators."""
    return [EDITORS, *(translators_for(code) for code in target_language_codes()), MODERATORS]


def locale_root(language_code: str | None) -> Page:
    """The page a role's page permissions hang on: its locale's home page, or the tree root.

    A locale without a home page yet gets one as an alias of the English home page, as
    locale synchronisation would make it, so translators always have a tree to work in.
    """
    if language_code is None:
        return Page.get_first_root_node()
    locale = Locale.objects.get(language_code=language_code)
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        english_home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
        home = english_home.copy_for_translation(locale, alias=True)
    return home


def get_permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def apply_role(role: Role) -> Group:
    """Create ``role``'s group or reset its permissions to exactly what the role defines."""
    group, _created = Group.objects.get_or_create(name=role.name)
    group.permissions.set([get_permission(app, codename) for app, codename in role.model_permissions])

    root = locale_root(role.language_code)
    GroupPagePermission.objects.filter(group=group).delete()
    for codename in role.page_permissions:
        GroupPagePermission.objects.create(
            group=group, page=root, permission=get_permission("wagtailcore", codename)
        )

    root_collection = Collection.get_first_root_node()
    GroupCollectionPermission.objects.filter(group=group).delete()
    for app, codename in role.collection_permissions:
        GroupCollectionPermission.objects.create(
            group=group, collection=root_collection, permission=get_permission(app, codename)
        )
    return group
