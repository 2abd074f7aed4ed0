// bench/table_tu.cc: one translation unit per (kind, rows) measurement of
// bench/compile_cost.sh. KVBENCH_ROWS is the row count, KVBENCH_KIND one of
// kFloor, kReal, kHoisted (bench/sweep_table.h). The table is a namespace-
// scope constexpr variable, so compiling this file evaluates every row.

#include <cstddef>

#include "bench/sweep_table.h"

#ifndef KVBENCH_ROWS
#define KVBENCH_ROWS 1000
#endif
#ifndef KVBENCH_KIND
#define KVBENCH_KIND kReal
#endif

namespace kvbench {

inline constexpr std::size_t kRows = KVBENCH_ROWS;
inline constexpr auto kTable = BuildTable<TableKind::KVBENCH_KIND, kRows>();
static_assert(kTable[kRows - 1].context_tokens > 0);

}  // namespace kvbench
