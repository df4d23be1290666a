"""Give a new database its three languages and an English home page as site root.

Replaces the "Welcome to Wagtail" page that Wagtail's own migrations create, so
the tree starts with our HomePage type. French and Dutch home pages are made as
translations of this one (by the demo command or by an editor), never by hand.
"""

from django.db import migrations

TRANSLATION_LOCALES = ["fr", "nl"]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    english, _ = Locale.objects.get_or_create(language_code="en")
    for code in TRANSLATION_LOCALES:
        Locale.objects.get_or_create(language_code=code)

    # Only touch a fresh tree: the welcome page and nothing else under the root.
    if HomePage.objects.exists() or Page.objects.filter(depth=2).exclude(slug="home").exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()

    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=english,
        live=True,
    )
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
