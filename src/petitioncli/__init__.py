"""petitioncli: sign-on letters kept as data, built into dated text, HTML and PDF letters."""

# The one source of the version: pyproject.toml reads it, `petition --version` prints it.
__version__ = "0.1.0"

# Where the documentation site is published (mkdocs.yml's `site_url`): every
# rule has a page there, which `check` links each problem to.
DOCS_URL = "https://petitioncli.readthedocs.io/en/latest/"
