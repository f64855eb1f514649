"""Every rule `petition check` and `petition build` report: its id, severity, stage and summary.

This package is each rule's one home: a rule is defined once, in the module
of the stage that reports it (`reading`, `content`, `rendering`), and joins
the registry as it is defined. Code reports a problem by naming a rule
object, never a string; the docs site's page of each rule is generated from
the registry (`make docs-gen`; a test fails while one is stale); and the
corpus of broken projects must hold a case for every rule that `check` can find.

Rule ids are stable: `# noqa: rule-id` comments and CI configurations rely on them.
"""

from .content import *  # noqa: F403
from .reading import *  # noqa: F403
from .registry import Problem, Rule, Severity, Stage, all_rules, by_id
from .rendering import *  # noqa: F403

__all__ = ["Problem", "Rule", "Severity", "Stage", "all_rules", "by_id"]
