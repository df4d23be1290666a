"""News moderation: an editor submits an article, a moderator approves or rejects it.

Everything about it lives here. The "News moderation" workflow and its "Moderator review"
task are created by ``news/migrations/0002_news_moderation_workflow.py`` and assigned to
every news index page, so Wagtail applies it to the articles below (in every language); a
news index created later (by an editor or as a translation) gets the assignment on
creation (``assign_news_workflow``).

Wagtail lets anyone with publish permission bypass a page's workflow. For the office's
press releases that is not wanted: an editor submits the English article and a moderator
publishes it (directly, on approval, or with all its translations at once). Site-wide
publishers (publish permission on the tree root, i.e. Moderators) and superusers keep the
Publish button. Translations are not affected: translators publish their language's
version of an article that was approved in English.
"""

from django.db.models.signals import post_save
from django.utils.translation import gettext, gettext_noop
from wagtail.models import PagePermissionTester, Workflow, WorkflowPage

# Stored in English; shown translated where Wagtail names them (``translated_workflow_label``).
NEWS_WORKFLOW_NAME = gettext_noop("News moderation")
MODERATOR_TASK_NAME = gettext_noop("Moderator review")
# The group that reviews news and publishes site-wide; its permissions are set by translation/roles.py.
MODERATORS_GROUP_NAME = "Moderators"


def translated_workflow_label(label) -> str:
    """``label`` (e.g. "Submit to News moderation") with the workflow's and task's names translated."""
    label = str(label)
    for name in (NEWS_WORKFLOW_NAME, MODERATOR_TASK_NAME):
        label = label.replace(name, gettext(name))
    return label


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


def publishes_everywhere(tester: PagePermissionTester) -> bool:
    user = tester.user
    return user.is_superuser or any(
        grant.page.depth == 1 and grant.permission.codename == "publish_page"
        for grant in tester.permission_policy.get_cached_permissions_for_user(user)
    )


class NewsArticlePermissionTester(PagePermissionTester):
    """Publishing an English article directly is for site-wide publishers only."""

    def can_publish(self):
        if not super().can_publish():
            return False
        return not self.page.locale.is_default or publishes_everywhere(self)


class NewsIndexPermissionTester(PagePermissionTester):
    """Creating and publishing an English article in one go is for site-wide publishers only."""

    def can_publish_subpage(self):
        if not super().can_publish_subpage():
            return False
        return not self.page.locale.is_default or publishes_everywhere(self)
