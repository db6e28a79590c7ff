"""An index on the held queue alone, newest first, so it never scans public comments."""

from django.db import migrations

# django_comments is a third-party table: plain SQL, which PostgreSQL and SQLite both
# accept, rather than an index on a model this project does not own.
HELD_INDEX = "article_comments_held_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("article_comments", "0003_pendingcomment"),
        ("django_comments", "0004_add_object_pk_is_removed_index"),
    ]

    operations = [
        migrations.RunSQL(
            sql=(
                f"CREATE INDEX {HELD_INDEX} ON django_comments (submit_date, id) "
                "WHERE NOT is_public AND NOT is_removed"
            ),
            reverse_sql=f"DROP INDEX {HELD_INDEX}",
        ),
    ]
