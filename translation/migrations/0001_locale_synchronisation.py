"""French and Dutch follow the English tree (wagtail-localize's locale synchronisation).

Only the settings are stored here: pages an editor creates in English from now on get
French and Dutch aliases straight away (wagtail-localize's after_create_page hook).
Existing pages are aliased by ``manage.py sync_locales``, which runs on the job queue.
"""

from django.db import migrations

TARGET_LANGUAGES = ["fr", "nl"]
SOURCE_LANGUAGE = "en"


def create_synchronisations(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    source = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    if source is None:
        return
    for target in Locale.objects.filter(language_code__in=TARGET_LANGUAGES):
        LocaleSynchronization.objects.get_or_create(locale=target, defaults={"sync_from": source})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_site_root_and_locales"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_synchronisations, migrations.RunPython.noop)]
