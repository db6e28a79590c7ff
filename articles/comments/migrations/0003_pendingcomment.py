import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

import articles.comments.models


class Migration(migrations.Migration):

    dependencies = [
        ('article_comments', '0002_moderation_permissions'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('django_comments_xtd', '0008_auto_20200920_2037'),
        ('sites', '0002_alter_domain_unique'),
    ]

    operations = [
        migrations.CreateModel(
            name='PendingComment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(default=articles.comments.models.new_key, editable=False, max_length=64, unique=True)),
                ('object_pk', models.CharField(db_index=True, max_length=64)),
                ('parent_id', models.IntegerField(default=0)),
                ('user_name', models.CharField(max_length=50)),
                ('user_email', models.EmailField(max_length=254)),
                ('user_url', models.URLField(blank=True)),
                ('comment', models.TextField()),
                ('followup', models.BooleanField(default=False)),
                ('ip_address', models.GenericIPAddressField(blank=True, null=True, unpack_ipv4=True)),
                ('submit_date', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                ('emailed_at', models.DateTimeField(blank=True, null=True)),
                ('confirmed_at', models.DateTimeField(blank=True, null=True)),
                ('outcome', models.CharField(blank=True, choices=[('published', 'Published'), ('held', 'Held for a moderator'), ('discarded', 'Discarded')], max_length=10)),
                ('discard_reason', models.CharField(blank=True, max_length=255)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                ('published', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='confirmation', to='django_comments_xtd.xtdcomment')),
                ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='sites.site')),
            ],
            options={
                'ordering': ['submit_date'],
            },
        ),
    ]
