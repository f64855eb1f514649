#!/usr/bin/env bash
# The steps of this repository's GitHub Action (action.yml): check the letter
# with annotations, build its letters with their SHA-256 sums, write a summary
# of the job, and on a pull request the letter's changes against the base
# branch. The action sets the INPUT_* variables from its inputs; tests run
# this script locally with GitHub's variables faked (tests/test_action.py).
set -euo pipefail

project=${INPUT_PROJECT:-data}
formats=${INPUT_FORMATS:-pdf html txt}
recipients=${INPUT_RECIPIENTS:-all}
languages=${INPUT_LANGUAGES:-all}
engine=${INPUT_ENGINE:-weasyprint}
strict=${INPUT_STRICT:-true}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
folder=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/petition-letters

check_options=(--output-format github)
case "$strict" in
  true | yes | 1) check_options+=(--strict) ;;
  false | no | 0 | "") ;;
  *) echo "::error title=petitioncli::strict must be true or false, not '$strict'"; exit 2 ;;
esac

build_options=(--to "$recipients" --lang "$languages" --engine "$engine")
for format in ${formats//,/ }; do
  build_options+=(--format "$format")
done

status=0
echo "::group::petition check $project"
petition check "$project" "${check_options[@]}" || status=$?
echo "::endgroup::"

if [ "$status" -eq 0 ]; then
  rm -rf "$folder"
  mkdir -p "$folder"
  echo "::group::petition build $project"
  petition build "$project" "${build_options[@]}" --output-dir "$folder" \
    --checksums "$folder/SHA256SUMS" --json > "$folder/build.json" || status=$?
  echo "::endgroup::"
fi

{
  echo "## Letters of \`$project\`"
  echo
  if [ "$status" -ne 0 ]; then
    echo "The letter has problems (exit code $status): \`petition check\` lists them as annotations, and nothing was built."
  else
    echo "| file | bytes | SHA-256 |"
    echo "| --- | ---: | --- |"
    while read -r digest name; do
      echo "| $name | $(wc -c < "$folder/$name" | tr -d ' ') | \`$digest\` |"
    done < "$folder/SHA256SUMS"
    echo
    echo "<details><summary>petition build --json</summary>"
    echo
    echo '```json'
    cat "$folder/build.json"
    echo '```'
    echo
    echo "</details>"
  fi
  echo
} >> "$summary"

if [ "$status" -eq 0 ] && [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "folder=$folder" >> "$GITHUB_OUTPUT"
fi

# A pull request: what it changes in the letter, against the branch it is to be merged into.
case "${GITHUB_EVENT_NAME:-}" in
  pull_request | pull_request_target)
    base=${GITHUB_BASE_REF:?a pull request names its base branch in GITHUB_BASE_REF}
    if git fetch --quiet --no-tags --depth=1 origin "+refs/heads/$base:refs/remotes/origin/$base" &&
      petition diff "origin/$base" "$project" --format markdown > "$folder.diff.md"; then
      cat "$folder.diff.md" >> "$summary"
    else
      echo "The letter could not be compared with \`$base\` (the job's log says why)." >> "$summary"
    fi
    rm -f "$folder.diff.md"
    ;;
esac

exit "$status"
