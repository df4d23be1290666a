import django.contrib.postgres.search
from django.db import migrations


def fill_rank_vectors(apps, schema_editor):
    """The title and summary lexemes (weights A and B) of the entries already there."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("UPDATE sitesearch_pagesearchentry SET rank_vector = ts_filter(vector, '{a,b}')")


class Migration(migrations.Migration):
    dependencies = [("sitesearch", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="pagesearchentry",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(null=True),
        ),
        migrations.RunPython(fill_rank_vectors, migrations.RunPython.noop),
    ]
