"""English news articles are published through moderation, not directly.

Wagtail lets anyone with publish permission bypass a page's workflow. For the
office's press releases that is not wanted: an editor submits the English article to
the "News moderation" workflow and a moderator publishes it (directly, on approval,
or with all its translations at once). Site-wide publishers (publish permission on
the tree root, i.e. Moderators) and superusers keep the Publish button. Translations
are not affected: translators publish their language's version of an article that
was approved in English.
"""

from wagtail.models import PagePermissionTester


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
