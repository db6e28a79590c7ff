from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_medical_review_workflow"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="about_treatment",
            field=models.CharField(
                blank=True,
                help_text="The medicine or therapy the article is about, e.g. Diazepam.",
                max_length=120,
                verbose_name="treatment",
            ),
        ),
        migrations.AddField(
            model_name="articlepage",
            name="about_treatment_type",
            field=models.CharField(
                blank=True,
                choices=[
                    ("Drug", "A medicine"),
                    ("DrugClass", "A group of medicines"),
                    ("MedicalTherapy", "A therapy or exercise programme"),
                ],
                default="Drug",
                max_length=20,
                verbose_name="kind of treatment",
            ),
        ),
        migrations.AddField(
            model_name="articlepage",
            name="about_condition",
            field=models.CharField(
                blank=True,
                help_text="The health problem it treats, e.g. Low back pain.",
                max_length=120,
                verbose_name="condition",
            ),
        ),
    ]
