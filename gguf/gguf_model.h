// gguf/gguf_model.h
//
// A model read from a GGUF file's header: its memory geometry from the
// metadata (the keys llama.cpp's loader reads) and its weights, exactly,
// from the tensor table. The tensor data are never read, so the first
// megabytes of a download (up to the end of the tensor table) are enough.
//
//   weights bytes = sum over tensors of TensorBytes (whole blocks of the
//                   tensor's ggml type along its first dimension x the rest)
//   parameters    = sum over tensors of the product of their dimensions
//
// Sliding-window layers follow llama.cpp's rule for the architecture: a
// period p (`sliding_window_pattern`, else 2 for gemma2 and gpt-oss, 6 for
// gemma3) makes layer il slide when il % p < p - 1; phi3's window is off,
// as llama.cpp turns it off. A latent (MLA) cache needs kv_lora_rank and the
// MLA head sizes (key_length_mla), as llama.cpp's is_mla(). An architecture whose memory kvtables does not
// model (recurrent, hybrid, per-layer head counts) is an error naming it.
//
// Worked example: a llama GGUF with block_count 32, head_count 32,
// head_count_kv 8 and key_length 128 is Llama 3.1 8B's cache, 131,072 bytes
// per token in f16; a 4096 x 32000 q4_K tensor holds 4096 / 256 * 144 *
// 32000 = 73,728,000 bytes.

#ifndef GGUF_GGUF_MODEL_H_
#define GGUF_GGUF_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "config/hf_config.h"
#include "gguf/gguf.h"

namespace gguf {

struct GgufModel {
  kvtables::config::ImportedModel model;  // geometry, name, source
  std::string architecture;
  std::uint64_t tensor_bytes = 0;  // exact, from the tensor table
  std::uint64_t parameters = 0;    // exact element count
};

// ImportModel() reads `file`'s memory geometry and weights; `name` names
// the model when the file has no general.name.
absl::StatusOr<GgufModel> ImportModel(const File& file, std::string_view name);

// ReadModel() reads the GGUF at `path` (its header and tensor table only).
absl::StatusOr<GgufModel> ReadModel(const std::string& path);

}  // namespace gguf

#endif  // GGUF_GGUF_MODEL_H_
