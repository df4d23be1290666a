"""Create the news moderation workflow and assign it to the existing news index pages.

Moved here from the former ``cms.publishing`` app's 0001 migration: databases that ran that
one run this again, which changes nothing (every step is get-or-create). The names are a
frozen copy of the constants in ``news.moderation``.
"""

from django.db import migrations

WORKFLOW_NAME = "News moderation"
TASK_NAME = "Moderator review"
GROUP_NAME = "Moderators"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    NewsIndexPage = apps.get_model("news", "NewsIndexPage")

    # The same group translation/roles.py keeps up to date (Wagtail's migrations create it too).
    moderators, _created = Group.objects.get_or_create(name=GROUP_NAME)
    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index_id in NewsIndexPage.objects.values_list("pk", flat=True):
        WorkflowPage.objects.update_or_create(page_id=index_id, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("news", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
