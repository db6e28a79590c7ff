"""Medical reviews become records of their own, and only a linked reviewer approves.

Existing review dates become MedicalReview rows (for the live revision), the
"Medical review" task becomes a MedicalReviewTask, and medical reviewers lose the
direct publish permission: the workflow publishes on their approval.
"""

import articles.blocks.stream
import django.core.validators
import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


def forward(apps, schema_editor):
    ArticlePage = apps.get_model("articles", "ArticlePage")
    MedicalReview = apps.get_model("articles", "MedicalReview")
    for page in ArticlePage.objects.filter(last_reviewed_at__isnull=False):
        reviewer_id = page.last_reviewed_by_id or page.medical_reviewer_id
        if reviewer_id is None:
            continue
        review = MedicalReview.objects.create(
            article_id=page.pk,
            revision_id=page.live_revision_id,
            reviewer_id=reviewer_id,
            reviewed_on=page.last_reviewed_at,
            next_review_due=page.next_review_due or page.last_reviewed_at,
        )
        ArticlePage.objects.filter(pk=page.pk).update(last_review=review)

    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    MedicalReviewTask = apps.get_model("articles", "MedicalReviewTask")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="articles", model="medicalreviewtask"
    )
    for task in GroupApprovalTask.objects.filter(name="Medical review"):
        if MedicalReviewTask.objects.filter(pk=task.pk).exists():
            continue
        child = MedicalReviewTask(groupapprovaltask_ptr_id=task.pk)
        child.__dict__.update(
            {k: v for k, v in task.__dict__.items() if not k.startswith("_")}
        )
        child.save_base(raw=True)  # adds the child row; the parent rows stay as they are
        apps.get_model("wagtailcore", "Task").objects.filter(pk=task.pk).update(
            content_type=task_type
        )

    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name="Medical reviewers",
        permission__codename="publish_page",
        permission__content_type__app_label="wagtailcore",
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0009_doi_accepts_link'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='MedicalReviewTask',
            fields=[
                ('groupapprovaltask_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.groupapprovaltask')),
            ],
            options={
                'verbose_name': 'medical review task',
            },
            bases=('wagtailcore.groupapprovaltask',),
        ),
        migrations.AlterField(
            model_name='articlepage',
            name='body',
            field=wagtail.fields.StreamField([('overview', 3), ('efficacy', 14), ('safety', 35), ('alternatives', 44), ('deciding', 51), ('bottom_line', 54), ('rich_text', 57), ('callout', 61), ('faq', 67), ('image', 70)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave blank to use "What it is".', 'max_length': 80, 'required': False}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'help_text': 'What the treatment is and what it is licensed for, e.g. “Diazepam is a benzodiazepine, a medicine that calms the nervous system.”'}), 2: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'help_text': 'How it acts on the body, in plain words, e.g. “It strengthens the effect of GABA, a chemical messenger that quietens nerves.”', 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('heading', 0), ('what_it_is', 1), ('how_it_works', 2)]], {}), 4: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave blank to use "How well does it work?".', 'max_length': 80, 'required': False}), 5: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'help_text': 'What was studied and in whom, e.g. “Few trials have tested diazepam for back pain, and they are small.”'}), 6: ('wagtail.blocks.TextBlock', (), {'help_text': 'The finding in plain words, e.g. “Adding diazepam to naproxen did not improve pain or function after one week.”'}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': 'Completes “Compared with …”, e.g. “a dummy pill (placebo), both groups also taking naproxen”.', 'label': 'Compared with', 'max_length': 120}), 8: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('benefit', 'Benefit'), ('no_difference', 'No clear difference'), ('mixed', 'Mixed results'), ('harm', 'Harm')], 'help_text': 'Which way the evidence points.', 'label': 'Outcome'}), 9: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('high', 'High'), ('moderate', 'Moderate'), ('low', 'Low'), ('very_low', 'Very low')], 'help_text': 'As GRADE rates it: high, moderate, low or very low.', 'label': 'Certainty of evidence'}), 10: ('articles.blocks.citations.CitationKeysBlock', (), {}), 11: ('wagtail.blocks.StructBlock', [[('finding', 6), ('comparison', 7), ('direction', 8), ('certainty', 9), ('references', 10)]], {}), 12: ('wagtail.blocks.ListBlock', (11,), {'help_text': 'One item per finding, strongest evidence first.', 'min_num': 1}), 13: ('wagtail.blocks.CharBlock', (), {'help_text': 'One line a reader can take away, e.g. “There is no good evidence that diazepam helps back pain.”', 'max_length': 200}), 14: ('wagtail.blocks.StructBlock', [[('heading', 4), ('introduction', 5), ('evidence', 12), ('bottom_line', 13)]], {}), 15: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave blank to use "What are the risks?".', 'max_length': 80, 'required': False}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “Do not combine with opioid painkillers”.', 'max_length': 120}), 17: ('wagtail.blocks.TextBlock', (), {'help_text': 'What the warning says and why, e.g. “Together they can slow breathing dangerously, and have caused deaths.”'}), 18: ('wagtail.blocks.StructBlock', [[('title', 16), ('text', 17), ('references', 10)]], {}), 19: ('wagtail.blocks.ListBlock', (18,), {'default': [], 'help_text': "Serious warnings shown prominently, such as a regulator's boxed warning."}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'Side effect', 'max_length': 300}), 21: ('wagtail.blocks.ListBlock', (20,), {'default': [], 'help_text': 'Common side effects, one per line. e.g. “Drowsiness”'}), 22: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'help_text': 'e.g. “Taken every day for a few weeks, the body can come to depend on it.”', 'label': 'Dependence and withdrawal', 'required': False}), 23: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “Opioid painkillers”.', 'max_length': 120}), 24: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('serious', 'Serious: avoid the combination'), ('moderate', 'Moderate: use with care'), ('minor', 'Minor')]}), 25: ('wagtail.blocks.TextBlock', (), {'help_text': 'e.g. “Deep sleepiness and slowed breathing.”', 'label': 'What happens'}), 26: ('wagtail.blocks.TextBlock', (), {'help_text': 'e.g. “Tell your prescriber about every medicine you take.”', 'label': 'What to do'}), 27: ('wagtail.blocks.StructBlock', [[('substance', 23), ('severity', 24), ('effect', 25), ('advice', 26)]], {}), 28: ('wagtail.blocks.ListBlock', (27,), {'default': []}), 29: ('wagtail.blocks.CharBlock', (), {'label': 'Who should not take it', 'max_length': 300}), 30: ('wagtail.blocks.ListBlock', (29,), {'default': [], 'help_text': 'People for whom it is unsuitable, one per line. e.g. “People with severe breathing problems”'}), 31: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “Driving”, “Alcohol”, “Stopping”.', 'max_length': 60}), 32: ('wagtail.blocks.TextBlock', (), {'help_text': 'e.g. “Do not drive until you know how it affects you.”'}), 33: ('wagtail.blocks.StructBlock', [[('topic', 31), ('advice', 32)]], {}), 34: ('wagtail.blocks.ListBlock', (33,), {'default': []}), 35: ('wagtail.blocks.StructBlock', [[('heading', 15), ('warnings', 19), ('common_side_effects', 21), ('dependence', 22), ('interactions', 28), ('who_should_not_take_it', 30), ('practical_advice', 34)]], {}), 36: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave blank to use "What else can help?".', 'max_length': 80, 'required': False}), 37: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'help_text': 'e.g. “Most back pain gets better within weeks; these can help meanwhile.”', 'required': False}), 38: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “Exercise therapy”.', 'max_length': 120}), 39: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('self_care', 'Self-care'), ('therapy', 'Physical or psychological therapy'), ('medicine', 'Medicine'), ('procedure', 'Procedure')]}), 40: ('wagtail.blocks.TextBlock', (), {'help_text': 'e.g. “Exercise programmes help people with long-lasting back pain move and work better.”', 'label': 'What the evidence says'}), 41: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Optional: an article on this site about this option.', 'label': 'Read more', 'page_type': ['articles.ArticlePage'], 'required': False}), 42: ('wagtail.blocks.StructBlock', [[('name', 38), ('kind', 39), ('evidence', 40), ('certainty', 9), ('references', 10), ('page', 41)]], {}), 43: ('wagtail.blocks.ListBlock', (42,), {'min_num': 1}), 44: ('wagtail.blocks.StructBlock', [[('heading', 36), ('introduction', 37), ('options', 43)]], {}), 45: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave blank to use "Deciding with your clinician".', 'max_length': 80, 'required': False}), 46: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'help_text': 'e.g. “The right choice depends on you; these questions help.”', 'required': False}), 47: ('wagtail.blocks.CharBlock', (), {'label': 'Question', 'max_length': 300}), 48: ('wagtail.blocks.ListBlock', (47,), {'default': [], 'help_text': 'Questions to ask your clinician, one per line. e.g. “How long should I take it for?”'}), 49: ('wagtail.blocks.CharBlock', (), {'label': 'Factor', 'max_length': 300}), 50: ('wagtail.blocks.ListBlock', (49,), {'default': [], 'help_text': 'Things that change the choice, one per line. e.g. “You already take an opioid painkiller”'}), 51: ('wagtail.blocks.StructBlock', [[('heading', 45), ('introduction', 46), ('questions', 48), ('factors', 50)]], {}), 52: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leave blank to use "The bottom line".', 'max_length': 80, 'required': False}), 53: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'help_text': 'Two or three sentences a reader remembers, e.g. “Diazepam is not a good choice for most back pain.”'}), 54: ('wagtail.blocks.StructBlock', [[('heading', 52), ('text', 53)]], {}), 55: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional. With a heading, the text appears in “On this page”.', 'max_length': 80, 'required': False}), 56: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul', 'h3'], 'help_text': 'e.g. “Most back pain settles within six weeks.”'}), 57: ('wagtail.blocks.StructBlock', [[('heading', 55), ('text', 56)]], {}), 58: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Information'), ('tip', 'Tip'), ('warning', 'Warning')]}), 59: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “Get help urgently if…”.', 'max_length': 120}), 60: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'help_text': 'e.g. “Call 999 if you lose control of your bladder or bowel.”'}), 61: ('wagtail.blocks.StructBlock', [[('kind', 58), ('title', 59), ('text', 60)]], {}), 62: ('wagtail.blocks.CharBlock', (), {'default': 'Questions people ask', 'help_text': 'e.g. “Common questions”.', 'max_length': 80}), 63: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. “Can I drive?”', 'max_length': 200}), 64: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'help_text': 'e.g. “Not until you know how it affects you.”'}), 65: ('wagtail.blocks.StructBlock', [[('question', 63), ('answer', 64)]], {}), 66: ('wagtail.blocks.ListBlock', (65,), {'min_num': 1}), 67: ('wagtail.blocks.StructBlock', [[('heading', 62), ('questions', 66)]], {}), 68: ('wagtail.images.blocks.ImageBlock', [], {'help_text': 'Alt text describes the picture for people who cannot see it, e.g. “A physiotherapist guiding a stretch”.'}), 69: ('wagtail.blocks.CharBlock', (), {'max_length': 250, 'required': False}), 70: ('wagtail.blocks.StructBlock', [[('image', 68), ('caption', 69)]], {})}, default=articles.blocks.stream.starting_sections, help_text='Required to publish: a Safety section and a Bottom line, with the structured sections in reading order.'),
        ),
        migrations.AlterField(
            model_name='articlepage',
            name='medical_reviewer',
            field=models.ForeignKey(blank=True, help_text='Required to publish. The clinician who checks this article in the Medical review task.', limit_choices_to={'is_medical_reviewer': True}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='articles.person'),
        ),
        migrations.AlterField(
            model_name='articlepage',
            name='review_interval_months',
            field=models.PositiveSmallIntegerField(default=12, help_text='How long a medical review stays current: 12 months at most; shorten it for fast-moving topics. The next review date is set when a reviewer approves.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(12)], verbose_name='review every (months)'),
        ),
        migrations.CreateModel(
            name='MedicalReview',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reviewed_on', models.DateField()),
                ('next_review_due', models.DateField()),
                ('comment', models.TextField(blank=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='articles.articlepage')),
                ('reviewer', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='reviews', to='articles.person')),
                ('revision', models.ForeignKey(help_text='The version of the article the reviewer approved.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision')),
                ('task_state', models.OneToOneField(help_text='The workflow task the approval closed; one review per approval.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.taskstate')),
                ('user', models.ForeignKey(help_text='The account that gave the approval.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-created_at', '-pk'],
                'get_latest_by': 'created_at',
            },
        ),
        migrations.AddField(
            model_name='articlepage',
            name='last_review',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='articles.medicalreview'),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='articlepage',
            name='last_reviewed_at',
        ),
        migrations.RemoveField(
            model_name='articlepage',
            name='last_reviewed_by',
        ),
        migrations.RemoveField(
            model_name='articlepage',
            name='next_review_due',
        ),
    ]
