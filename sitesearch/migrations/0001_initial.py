import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models, transaction

from sitesearch.indexing import FOLD_FUNCTION, create_fold_function

# PostgreSQL only: SQLite keeps the table (so deleting a page cascades the same way) but
# searches with Wagtail's backend instead (cms.api.views.SearchAPIViewSet).
GIN_INDEX = "CREATE INDEX sitesearch_pagesearchentry_vector ON sitesearch_pagesearchentry USING gin (vector)"


def create_unaccent_and_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        # In a savepoint: a refusal must not abort the migration's transaction.
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    except Exception as error:  # noqa: BLE001 - any refusal (no contrib package, no privilege)
        print(  # noqa: T201 - a migration has no other way to tell the operator
            "\n  sitesearch: the PostgreSQL extension 'unaccent' could not be created "
            f"({str(error).strip()}).\n  Search works without accent folding until a superuser runs "
            "CREATE EXTENSION unaccent; then run: manage.py rebuild_site_search"
        )
    with schema_editor.connection.cursor() as cursor:
        create_fold_function(cursor)
    schema_editor.execute(GIN_INDEX)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS sitesearch_pagesearchentry_vector")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {FOLD_FUNCTION}(text)")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageSearchEntry",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("config", models.CharField(max_length=32)),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
            ],
        ),
        migrations.RunPython(create_unaccent_and_index, drop_index),
    ]
