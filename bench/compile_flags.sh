# bench/compile_flags.sh: compiler flags of the compile-cost scripts (sourced).
#
# The constant-evaluation limits are set on purpose, for the largest table
# measured (200,000 rows of the catalog sweep), with about 3x headroom, so
# that a table whose per-row cost grows several-fold stops compiling instead
# of silently getting slower (bench/constexpr_steps.sh measures the costs):
#
# * clang counts evaluation steps; its default, -fconstexpr-steps=1048576,
#   stops the catalog sweep at about 2,200 rows (476 steps a row). 200,000
#   rows need about 95 million: the limit is 2^28 = 268,435,456.
# * gcc counts operations (1,000 to 2,000 a row of the catalog sweep, found by
#   bisection at 1,000 and 2,000 rows: 200,000 rows need at most about 400
#   million): -fconstexpr-ops-limit=2^30 = 1,073,741,824, below gcc's default
#   of 2^33. gcc also caps one loop's iterations (default 262,144, just above
#   200,000): -fconstexpr-loop-limit=2^20 = 1,048,576 leaves room for larger
#   tables while still catching a runaway loop.
#
# Tables are compiled with -fsyntax-only: constant evaluation of every row
# without code generation (the rows' object code is the compiler's usual
# cost for a large static array, the same for every table).

KVBENCH_STD_FLAGS=(-std=c++20 -fsyntax-only)
KVBENCH_GCC_LIMITS=(-fconstexpr-ops-limit=1073741824 -fconstexpr-loop-limit=1048576)
KVBENCH_CLANG_LIMITS=(-fconstexpr-steps=268435456)

# kvbench_limits CXX: prints the limit flags for compiler CXX, one a line.
kvbench_limits() {
  if "$1" --version 2>/dev/null | grep -q clang; then
    printf '%s\n' "${KVBENCH_CLANG_LIMITS[@]}"
  else
    printf '%s\n' "${KVBENCH_GCC_LIMITS[@]}"
  fi
}
