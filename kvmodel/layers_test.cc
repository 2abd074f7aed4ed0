#include "kvmodel/layers.h"

#include <string>

#include "gtest/gtest.h"
#include "kvmodel/checked.h"

namespace kvmodel {
namespace {

// granite-4.0-h-micro's Mamba 2 layer (published config: mamba_d_conv 4,
// mamba_expand 2 x hidden 2048, mamba_n_groups 1, mamba_d_state 128,
// mamba_n_heads 64) and attention layer (8 KV heads of 2048 / 32).
constexpr LayerMemory kMamba = internal::kMamba2;
constexpr LayerMemory kAttention = internal::kGraniteAttention;

// The header's worked example: 36 x 537,344 state values in f32 are the
// 73.79 MiB llama.cpp logged for one sequence (77,377,536 bytes).
static_assert(LayerCount(internal::kGraniteMicroLayers) == 40);
static_assert(36 * 4 * RecurrentStateValues(kMamba) == 77'377'536);
static_assert(LayerAt(internal::kGraniteMicroLayers, 5) == kAttention);
static_assert(LayerAt(internal::kGraniteMicroLayers, 6) == kMamba);

TEST(LayersTest, GraniteMicro) {
  EXPECT_EQ(LayerCount(internal::kGraniteMicroLayers), 40u);
  EXPECT_EQ(ConvStateValues(kMamba), 3u * (4096 + 2 * 128));
  EXPECT_EQ(SsmStateValues(kMamba), 128u * 4096);
  EXPECT_EQ(36 * StorageBytes(StorageFormat::kF32, RecurrentStateValues(kMamba)),
            77'377'536u);
  EXPECT_EQ(KRowBytes(kAttention, StorageFormat::kF16), 8u * 64 * 2);
  EXPECT_EQ(LayerAt(internal::kGraniteMicroLayers, 35), kAttention);
  EXPECT_EQ(LayerAt(internal::kGraniteMicroLayers, 39), kMamba);
  EXPECT_THROW(LayerAt(internal::kGraniteMicroLayers, 40), InvalidModel);
}

std::string MessageOf(std::span<const LayerRun> runs) {
  try {
    ValidateLayers(runs, StorageFormat::kBF16, StorageFormat::kBF16);
  } catch (const InvalidModel& e) {
    return e.what();
  }
  return "accepted";
}

TEST(LayersTest, Rejects) {
  EXPECT_EQ(MessageOf(internal::kGraniteMicroLayers), "accepted");
  LayerMemory shared;
  shared.kind = LayerKind::kShared;
  shared.source_layer = 0;
  const LayerRun reads_itself[] = {{1, shared}};
  EXPECT_EQ(MessageOf(reads_itself), "a shared layer must read an earlier layer's cache");
  const LayerRun reads_state[] = {{1, kMamba}, {1, shared}};
  EXPECT_EQ(MessageOf(reads_state), "a shared layer must read a layer that caches K and V");
  shared.source_layer = 1;
  const LayerRun reads_forward[] = {{1, kAttention}, {1, shared}};
  EXPECT_EQ(MessageOf(reads_forward), "a shared layer must read an earlier layer's cache");
  LayerMemory stateless = kMamba;
  stateless.conv_kernel = 0;
  stateless.state_heads = 0;
  const LayerRun no_state[] = {{1, stateless}};
  EXPECT_EQ(MessageOf(no_state), "a recurrent layer needs a state, other layers none");
  LayerMemory windowless = kAttention;
  windowless.kind = LayerKind::kSliding;
  const LayerRun no_window[] = {{1, windowless}};
  EXPECT_EQ(MessageOf(no_window),
            "sliding and chunked layers need a window, other layers none");
  const LayerRun empty_run[] = {{0, kAttention}};
  EXPECT_EQ(MessageOf(empty_run), "a run of layers must not be empty");
  LayerMemory huge = kMamba;
  huge.state_heads = huge.state_k_dim = huge.state_v_dim = 0xffffffffu;
  EXPECT_THROW(RecurrentStateValues(huge), Overflow);
}

}  // namespace
}  // namespace kvmodel
