from django.db import migrations


def fill(apps, schema_editor):
    from search.vocabulary import rebuild

    rebuild(
        apps.get_model("articles", "ArticlePage"),
        apps.get_model("articles", "Topic"),
        apps.get_model("search", "SearchTerm"),
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_trigram_index")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
