"""petitioncli: sign-on letters kept as data, built into dated text, HTML and PDF letters."""

__version__ = "0.1.0"
