"""The news moderation workflow: an editor submits an article, a moderator approves or rejects it.

The workflow and its task are created by this app's data migration and assigned to every
news index page, so Wagtail applies it to the articles below (in every language). A news
index created later (by an editor or as a translation) gets the assignment on creation.
"""

from django.db.models.signals import post_save
from wagtail.models import Workflow, WorkflowPage

NEWS_WORKFLOW_NAME = "News moderation"
MODERATOR_TASK_NAME = "Moderator review"
MODERATORS_GROUP_NAME = "Moderators"


def news_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=NEWS_WORKFLOW_NAME, active=True).first()


def assign_news_workflow(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    workflow = news_workflow()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page_id=instance.pk, defaults={"workflow": workflow})


def connect_signal_handlers():
    from news.models import NewsIndexPage

    post_save.connect(assign_news_workflow, sender=NewsIndexPage, dispatch_uid="assign_news_workflow")
