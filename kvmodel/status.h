// kvmodel/status.h
//
// The run-time face of the model's checks. The constexpr model reports an
// impossible model or an overflow by throwing kvmodel::InvalidModel or
// kvmodel::Overflow (a compile error in constant evaluation, see
// kvmodel/checked.h). Programs call the model through Evaluate(), which
// returns the value or an absl::Status carrying the same one-line message:
//
//   absl::StatusOr<std::uint64_t> bytes =
//       kvmodel::Evaluate([&] { return kvmodel::KvBytesPerToken(geometry); });
//   // geometry with 3 KV heads for 32 query heads:
//   // INVALID_ARGUMENT: num_kv_heads must divide num_query_heads

#ifndef KVMODEL_STATUS_H_
#define KVMODEL_STATUS_H_

#include <type_traits>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "kvmodel/checked.h"

namespace kvmodel {

// Evaluate() runs `compute` and turns the model's errors into a status:
// InvalidModel becomes InvalidArgument, Overflow becomes OutOfRange.
template <typename Compute>
auto Evaluate(Compute&& compute)
    -> absl::StatusOr<std::invoke_result_t<Compute&&>> {
  try {
    return std::forward<Compute>(compute)();
  } catch (const InvalidModel& e) {
    return absl::InvalidArgumentError(e.what());
  } catch (const Overflow& e) {
    return absl::OutOfRangeError(e.what());
  }
}

}  // namespace kvmodel

#endif  // KVMODEL_STATUS_H_
