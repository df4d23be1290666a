"""Name the default site, so the admin dashboard shows the office's name, not "localhost".

Wagtail heads the dashboard with the site's name, or its hostname when it has none.
"""

from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    Site = apps.get_model("wagtailcore.Site")
    Site.objects.filter(site_name="").update(site_name=settings.WAGTAIL_SITE_NAME)


class Migration(migrations.Migration):
    dependencies = [("home", "0002_site_root_and_locales")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
