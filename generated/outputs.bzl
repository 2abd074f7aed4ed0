"""The one list of generated files.

kvgen renders each file by its name, the build regenerates them all into
fresh/, the staleness test compares each with its checked-in copy, and
//tools:regenerate copies them back. Add a file here and nowhere else.
"""

GENERATED_FILES = [
    "seed_vlm_kv.csv",
    "seed_vlm_kv.h",
    "seed_vlm_kv.md",
]
