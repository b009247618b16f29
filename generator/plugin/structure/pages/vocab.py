"""The vocabularies templates print, grouped by the pages that print them (all from generator.assess.terms)."""

from __future__ import annotations

from generator.assess.terms import (
    AREA_LEVELS,
    CHANGE_KINDS,
    CONDITION_GROUPS,
    CREDIT_FORMS,
    MATERIAL_REQUIRED,
    NOTICE_KINDS,
    NOTICE_STATUSES,
    REVISION_KINDS,
    ROLES,
)
from generator.plugin.structure.nav import scheme_pages
from generator.views.compare import period_text

# Lists and statuses of notices (templates/notices/_status.j2 and the pages that import it).
NOTICE_TERMS = {"notice_kinds": NOTICE_KINDS, "status_labels": NOTICE_STATUSES}
# A scheme's own section.
SCHEME_TERMS = NOTICE_TERMS | {
    "groups": CONDITION_GROUPS, "roles": ROLES, "required": MATERIAL_REQUIRED, "credit_forms": CREDIT_FORMS,
    "levels": AREA_LEVELS, "period_text": period_text, "scheme_pages": scheme_pages,
    "revision_kinds": REVISION_KINDS, "change_kinds": CHANGE_KINDS,
}
