"""An article whose text, title and URL carry markup and script, in our own words: what the
page must show as text and never run. Each payload sets ``window.__xss`` to say which one ran."""

from __future__ import annotations

HOSTILE = {
    "id": "hostile-1",
    "url": "javascript:window.__xss='url'",
    "title": "<img src=x onerror=\"window.__xss='title'\">Night raid",
    "published": "2021-03-02",
    "text": (
        "Gunmen <img src=x onerror=\"window.__xss='evidence'\"> killed four farmers in Kunduz province, "
        "Afghanistan, on Monday, a police spokesman said.\n"
        "<script>window.__xss='script'</script>\n"
        "The attackers escaped before help arrived. Read more <a href=\"javascript:window.__xss='link'\">here</a>.\n"
        "The Taliban denied any role in the killing of the <b onmouseover=\"window.__xss='hover'\">farmers</b>."
    ),
}
