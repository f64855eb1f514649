from petitioncli import __version__


def test_version_is_printed(run_cli):
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"petition {__version__}"


def test_iap_letter_checks_clean(run_cli, iap_project):
    result = run_cli("check", iap_project, "--strict")
    assert result.exit_code == 0, result.stdout
    assert "No problems" in result.stdout
