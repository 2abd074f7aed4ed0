// expect: sliding, cross-attention and no-cache layers exceed num_layers
#include "kvmodel/model.h"
constexpr kvmodel::ModelSpec kModel{.name = "bad",
                                    .attention = {26, 8, 4, 256, 256},
                                    .sliding_window_layers = 27,
                                    .sliding_window_tokens = 4096,
                                    .max_context_tokens = 8192};
static_assert(kvmodel::ModelKvBytesPerToken(kModel) > 0);
