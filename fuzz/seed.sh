#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ with the real postings of ../shared/corpus (every *.md file,
# recursively), and fuzz/corpus/{closing_date,pay}/ also with each line of them that holds a
# digit: small seeds suit the grammars. Seeds are not committed (fuzz/.gitignore).
#
# Usage: fuzz/seed.sh [corpus folder]     (default: ../shared/corpus from the repository root)
set -euo pipefail

fuzz_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(dirname "$fuzz_dir")
source_dir=${1:-"$repo_dir/../shared/corpus"}

if [ ! -d "$source_dir" ]; then
    echo "seed.sh: the posting corpus folder '$source_dir' does not exist." >&2
    echo "seed.sh: give the folder that holds the real postings: fuzz/seed.sh <folder>" >&2
    exit 1
fi

mapfile -d '' postings < <(find "$source_dir" -type f -name '*.md' -print0 | sort -z)
if [ "${#postings[@]}" -eq 0 ]; then
    echo "seed.sh: no *.md file under '$source_dir'." >&2
    exit 1
fi

targets=(front_matter metadata_block posting closing_date pay lint)
for target in "${targets[@]}"; do
    mkdir -p "$fuzz_dir/corpus/$target"
done

# Whole files, named after their path under the corpus folder (`/` becomes `__`).
for file in "${postings[@]}"; do
    name=${file#"$source_dir"/}
    name=${name//\//__}
    for target in "${targets[@]}"; do
        cp "$file" "$fuzz_dir/corpus/$target/$name"
    done
done

# Lines with a digit, one seed each, named by their content hash (so duplicates collapse).
lines=0
while IFS= read -r line; do
    hash=$(printf '%s' "$line" | sha1sum | cut -c1-16)
    for target in closing_date pay; do
        printf '%s' "$line" > "$fuzz_dir/corpus/$target/line-$hash"
    done
    lines=$((lines + 1))
done < <(cat "${postings[@]}" | grep -a '[0-9]' | sort -u)

echo "seed.sh: ${#postings[@]} postings into ${#targets[@]} targets, $lines lines with a digit into closing_date and pay"
