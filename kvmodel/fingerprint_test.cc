#include "kvmodel/fingerprint.h"

#include "gtest/gtest.h"
#include "kvmodel/seed_vlm.h"

namespace kvmodel {
namespace {

// The header's worked example: FNV-1a's published test vectors.
static_assert(Fnv1a().hash() == 0xcbf29ce484222325);
static_assert(Fnv1a().Byte('a').hash() == 0xaf63dc4c8601ec8c);

// Any parameter change moves the fingerprint.
constexpr auto Changed(auto change) {
  auto spec = kSeedVlm;
  change(spec);
  return Fingerprint(spec);
}
static_assert(Changed([](auto&) {}) == Fingerprint(kSeedVlm));
static_assert(Changed([](auto& s) { s.decode_steps = 101; }) !=
              Fingerprint(kSeedVlm));
static_assert(Changed([](auto& s) { s.text_model.attention.num_layers = 31; }) !=
              Fingerprint(kSeedVlm));
static_assert(Changed([](auto& s) { s.layout.crop_row_newline = false; }) !=
              Fingerprint(kSeedVlm));
static_assert(Changed([](auto& s) { s.text_model.attention.v_format = StorageFormat::kF16; }) !=
              Fingerprint(kSeedVlm));

TEST(FingerprintTest, KnownVectorsAndSensitivity) {
  EXPECT_EQ(Fnv1a().Byte('a').hash(), 0xaf63dc4c8601ec8cu);
  auto spec = kSeedVlm;
  const std::uint64_t before = Fingerprint(spec);
  spec.text_tokens = 9;
  EXPECT_NE(Fingerprint(spec), before);
}

}  // namespace
}  // namespace kvmodel
