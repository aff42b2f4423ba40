"""The default status scale: the IACHR's levels of compliance, plus "not applicable".

It is data the ledger cannot work without, so it ships as a migration and every database,
test databases included, has it from the start. Later scales are added as new versions.
"""

import datetime

from django.db import migrations

LEVELS = [
    # code, English, Spanish, implemented, applicable
    ("total", "Total compliance", "Cumplimiento total", True, True),
    (
        "substantial-partial",
        "Substantial partial compliance",
        "Cumplimiento parcial sustancial",
        False,
        True,
    ),
    ("partial", "Partial compliance", "Cumplimiento parcial", False, True),
    ("pending", "Pending compliance", "Pendiente de cumplimiento", False, True),
    ("non-compliance", "Non-compliance", "Incumplimiento", False, True),
    ("not-applicable", "Not applicable", "No aplica", False, False),
]


def add_scale(apps, schema_editor):
    StatusScale = apps.get_model("recommendations", "StatusScale")
    StatusLevel = apps.get_model("recommendations", "StatusLevel")
    scale, created = StatusScale.objects.get_or_create(
        slug="iachr-compliance",
        defaults={
            "name_en": "IACHR levels of compliance",
            "name_es": "Niveles de cumplimiento de la CIDH",
            "adopted_on": datetime.date(2016, 1, 1),
            "is_current": not StatusScale.objects.filter(is_current=True).exists(),
        },
    )
    if not created:
        return
    for order, (code, label_en, label_es, implemented, applicable) in enumerate(LEVELS):
        StatusLevel.objects.create(
            scale=scale,
            code=code,
            label_en=label_en,
            label_es=label_es,
            order=order,
            implemented=implemented,
            applicable=applicable,
        )


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0002_sources_scales_follow_ups")]

    operations = [migrations.RunPython(add_scale, migrations.RunPython.noop)]
