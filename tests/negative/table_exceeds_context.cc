// expect: prompt + decode steps exceed max_context_tokens
#include "kvmodel/crop_table.h"
#include "kvmodel/seed_vlm.h"
constexpr auto Spec() {
  auto spec = kvmodel::kSeedVlm;
  spec.text_model.max_context_tokens = 500;  // grid 1x2 needs 593
  return spec;
}
constexpr auto kSpec = Spec();
constexpr auto kTable = kvmodel::CropTable<kSpec>();
