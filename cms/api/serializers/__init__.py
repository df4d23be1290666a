"""JSON for pages and snippets; one module per concern of the output.

Every field class here serialises in two steps so a response never queries per
item: ``collect(obj, refs)`` notes the ids it will need, ``represent(obj, refs)``
renders from what ``References.load()`` fetched in between.
"""
