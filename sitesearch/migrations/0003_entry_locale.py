import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_locales(apps, schema_editor):
    """Each existing entry's locale: its page's."""
    entry_model = apps.get_model("sitesearch", "PageSearchEntry")
    page_model = apps.get_model("wagtailcore", "Page")
    locale = page_model.objects.filter(pk=OuterRef("page_id")).values("locale_id")[:1]
    entry_model.objects.update(locale_id=Subquery(locale))


class Migration(migrations.Migration):
    dependencies = [
        ("sitesearch", "0002_rank_vector"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="pagesearchentry",
            name="locale",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.RunPython(fill_locales, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="pagesearchentry",
            name="locale",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.locale"
            ),
        ),
    ]
