/*
 * generated/seed_vlm_kv.h: KV cache and attention memory of `seed-vlm` by crop grid.
 *
 * GENERATED FILE, DO NOT EDIT. Generator: //codegen:kvgen, from the
 * constexpr model in kvmodel/. Regenerate: bazel run //tools:regenerate
 *
 * Image tokens: global view 16x16 tokens with a newline per token row, 1 view separator token(s), crops of 10x10 tokens tiled with a newline per token row.
 * Prompt: image tokens + 10 text tokens; decode horizon 100 steps; batch 1.
 * Units: *_bytes fields are exact byte counts (1 GiB = 2^30 bytes);
 * *_tokens fields are token counts. No floating point is needed.
 * Lookups, O(log n): seed_vlm_kv_find(h, w) by grid, seed_vlm_kv_largest_fitting(budget_bytes)
 * for the largest grid whose peak KV cache fits a budget.
 */
#ifndef KVTABLES_GENERATED_SEED_VLM_KV_H_
#define KVTABLES_GENERATED_SEED_VLM_KV_H_

#include <stddef.h>
#include <stdint.h>

/* Version of the row layout below. */
#define SEED_VLM_KV_SCHEMA_VERSION 1u
/* FNV-1a of the model and workload parameters (kvmodel/fingerprint.h). */
#define SEED_VLM_KV_FINGERPRINT UINT64_C(0x6f297b07a45b2c6d)
/* KV cache bytes one token occupies, all layers, K and V. */
#define SEED_VLM_KV_KV_BYTES_PER_TOKEN UINT64_C(122880)
/* Text tokens in every prompt. */
#define SEED_VLM_KV_TEXT_TOKENS 10u
/* Decode horizon K. */
#define SEED_VLM_KV_DECODE_STEPS 100u
/* Sequences; byte figures cover all of them. */
#define SEED_VLM_KV_BATCH_SIZE 1u

/* Rows ordered by num_crops, then grid_h. */
#define SEED_VLM_KV_ROW_COUNT 53u
typedef struct seed_vlm_kv_row {
  uint32_t grid_h; /* crop grid rows */
  uint32_t grid_w; /* crop grid columns */
  uint32_t num_crops; /* grid_h * grid_w */
  uint32_t image_tokens; /* image tokens in the prompt */
  uint32_t prompt_tokens; /* image + text tokens */
  uint64_t kv_bytes_peak; /* KV cache at prompt + K tokens: the arena to reserve */
  uint64_t kv_bytes_mean_ceil; /* mean KV cache over the horizon, rounded up to a byte */
  uint64_t eager_prefill_working_bytes; /* eager attention score matrix, one layer */
  uint64_t flash_prefill_working_bytes; /* flash attention softmax statistics, one layer */
  uint64_t eager_peak_bytes; /* peak KV + working, eager */
  uint64_t flash_peak_bytes; /* peak KV + working, flash */
} seed_vlm_kv_row;
static const seed_vlm_kv_row seed_vlm_kv_rows[SEED_VLM_KV_ROW_COUNT] = {
    {1u, 2u, 2u, 483u, 493u, UINT64_C(72867840), UINT64_C(66662400), UINT64_C(15555136), UINT64_C(63104), UINT64_C(76134976), UINT64_C(72867968)},
    {1u, 3u, 3u, 583u, 593u, UINT64_C(85155840), UINT64_C(78950400), UINT64_C(22505536), UINT64_C(75904), UINT64_C(95373376), UINT64_C(85155968)},
    {1u, 4u, 4u, 683u, 693u, UINT64_C(97443840), UINT64_C(91238400), UINT64_C(30735936), UINT64_C(88704), UINT64_C(115891776), UINT64_C(97443968)},
    {2u, 2u, 4u, 693u, 703u, UINT64_C(98672640), UINT64_C(92467200), UINT64_C(31629376), UINT64_C(89984), UINT64_C(118014016), UINT64_C(98672768)},
    {1u, 5u, 5u, 783u, 793u, UINT64_C(109731840), UINT64_C(103526400), UINT64_C(40246336), UINT64_C(101504), UINT64_C(137690176), UINT64_C(109731968)},
    {1u, 6u, 6u, 883u, 893u, UINT64_C(122019840), UINT64_C(115814400), UINT64_C(51036736), UINT64_C(114304), UINT64_C(160768576), UINT64_C(122019968)},
    {2u, 3u, 6u, 893u, 903u, UINT64_C(123248640), UINT64_C(117043200), UINT64_C(52186176), UINT64_C(115584), UINT64_C(163146816), UINT64_C(123248768)},
    {1u, 7u, 7u, 983u, 993u, UINT64_C(134307840), UINT64_C(128102400), UINT64_C(63107136), UINT64_C(127104), UINT64_C(185126976), UINT64_C(134307968)},
    {1u, 8u, 8u, 1083u, 1093u, UINT64_C(146595840), UINT64_C(140390400), UINT64_C(76457536), UINT64_C(139904), UINT64_C(210765376), UINT64_C(146595968)},
    {2u, 4u, 8u, 1093u, 1103u, UINT64_C(147824640), UINT64_C(141619200), UINT64_C(77862976), UINT64_C(141184), UINT64_C(213399616), UINT64_C(147824768)},
    {1u, 9u, 9u, 1183u, 1193u, UINT64_C(158883840), UINT64_C(152678400), UINT64_C(91087936), UINT64_C(152704), UINT64_C(237683776), UINT64_C(158883968)},
    {3u, 3u, 9u, 1203u, 1213u, UINT64_C(161341440), UINT64_C(155136000), UINT64_C(94167616), UINT64_C(155264), UINT64_C(243221056), UINT64_C(161341568)},
    {1u, 10u, 10u, 1283u, 1293u, UINT64_C(171171840), UINT64_C(164966400), UINT64_C(106998336), UINT64_C(165504), UINT64_C(265882176), UINT64_C(171171968)},
    {2u, 5u, 10u, 1293u, 1303u, UINT64_C(172400640), UINT64_C(166195200), UINT64_C(108659776), UINT64_C(166784), UINT64_C(268772416), UINT64_C(172400768)},
    {1u, 11u, 11u, 1383u, 1393u, UINT64_C(183459840), UINT64_C(177254400), UINT64_C(124188736), UINT64_C(178304), UINT64_C(295360576), UINT64_C(183459968)},
    {1u, 12u, 12u, 1483u, 1493u, UINT64_C(195747840), UINT64_C(189542400), UINT64_C(142659136), UINT64_C(191104), UINT64_C(326118976), UINT64_C(195747968)},
    {2u, 6u, 12u, 1493u, 1503u, UINT64_C(196976640), UINT64_C(190771200), UINT64_C(144576576), UINT64_C(192384), UINT64_C(329265216), UINT64_C(196976768)},
    {3u, 4u, 12u, 1503u, 1513u, UINT64_C(198205440), UINT64_C(192000000), UINT64_C(146506816), UINT64_C(193664), UINT64_C(332424256), UINT64_C(198205568)},
    {1u, 13u, 13u, 1583u, 1593u, UINT64_C(208035840), UINT64_C(201830400), UINT64_C(162409536), UINT64_C(203904), UINT64_C(358157376), UINT64_C(208035968)},
    {1u, 14u, 14u, 1683u, 1693u, UINT64_C(220323840), UINT64_C(214118400), UINT64_C(183439936), UINT64_C(216704), UINT64_C(391475776), UINT64_C(220323968)},
    {2u, 7u, 14u, 1693u, 1703u, UINT64_C(221552640), UINT64_C(215347200), UINT64_C(185613376), UINT64_C(217984), UINT64_C(394878016), UINT64_C(221552768)},
    {1u, 15u, 15u, 1783u, 1793u, UINT64_C(232611840), UINT64_C(226406400), UINT64_C(205750336), UINT64_C(229504), UINT64_C(426074176), UINT64_C(232611968)},
    {3u, 5u, 15u, 1803u, 1813u, UINT64_C(235069440), UINT64_C(228864000), UINT64_C(210366016), UINT64_C(232064), UINT64_C(433147456), UINT64_C(235069568)},
    {1u, 16u, 16u, 1883u, 1893u, UINT64_C(244899840), UINT64_C(238694400), UINT64_C(229340736), UINT64_C(242304), UINT64_C(461952576), UINT64_C(244899968)},
    {2u, 8u, 16u, 1893u, 1903u, UINT64_C(246128640), UINT64_C(239923200), UINT64_C(231770176), UINT64_C(243584), UINT64_C(465610816), UINT64_C(246128768)},
    {4u, 4u, 16u, 1913u, 1923u, UINT64_C(248586240), UINT64_C(242380800), UINT64_C(236667456), UINT64_C(246144), UINT64_C(472965696), UINT64_C(248586368)},
    {1u, 17u, 17u, 1983u, 1993u, UINT64_C(257187840), UINT64_C(250982400), UINT64_C(254211136), UINT64_C(255104), UINT64_C(499110976), UINT64_C(257187968)},
    {1u, 18u, 18u, 2083u, 2093u, UINT64_C(269475840), UINT64_C(263270400), UINT64_C(280361536), UINT64_C(267904), UINT64_C(537549376), UINT64_C(269475968)},
    {2u, 9u, 18u, 2093u, 2103u, UINT64_C(270704640), UINT64_C(264499200), UINT64_C(283046976), UINT64_C(269184), UINT64_C(541463616), UINT64_C(270704768)},
    {3u, 6u, 18u, 2103u, 2113u, UINT64_C(271933440), UINT64_C(265728000), UINT64_C(285745216), UINT64_C(270464), UINT64_C(545390656), UINT64_C(271933568)},
    {1u, 19u, 19u, 2183u, 2193u, UINT64_C(281763840), UINT64_C(275558400), UINT64_C(307791936), UINT64_C(280704), UINT64_C(577267776), UINT64_C(281763968)},
    {1u, 20u, 20u, 2283u, 2293u, UINT64_C(294051840), UINT64_C(287846400), UINT64_C(336502336), UINT64_C(293504), UINT64_C(618266176), UINT64_C(294051968)},
    {2u, 10u, 20u, 2293u, 2303u, UINT64_C(295280640), UINT64_C(289075200), UINT64_C(339443776), UINT64_C(294784), UINT64_C(622436416), UINT64_C(295280768)},
    {4u, 5u, 20u, 2313u, 2323u, UINT64_C(297738240), UINT64_C(291532800), UINT64_C(345365056), UINT64_C(297344), UINT64_C(630815296), UINT64_C(297738368)},
    {1u, 21u, 21u, 2383u, 2393u, UINT64_C(306339840), UINT64_C(300134400), UINT64_C(366492736), UINT64_C(306304), UINT64_C(660544576), UINT64_C(306339968)},
    {3u, 7u, 21u, 2403u, 2413u, UINT64_C(308797440), UINT64_C(302592000), UINT64_C(372644416), UINT64_C(308864), UINT64_C(669153856), UINT64_C(308797568)},
    {1u, 22u, 22u, 2483u, 2493u, UINT64_C(318627840), UINT64_C(312422400), UINT64_C(397763136), UINT64_C(319104), UINT64_C(704102976), UINT64_C(318627968)},
    {2u, 11u, 22u, 2493u, 2503u, UINT64_C(319856640), UINT64_C(313651200), UINT64_C(400960576), UINT64_C(320384), UINT64_C(708529216), UINT64_C(319856768)},
    {1u, 23u, 23u, 2583u, 2593u, UINT64_C(330915840), UINT64_C(324710400), UINT64_C(430313536), UINT64_C(331904), UINT64_C(748941376), UINT64_C(330915968)},
    {1u, 24u, 24u, 2683u, 2693u, UINT64_C(343203840), UINT64_C(336998400), UINT64_C(464143936), UINT64_C(344704), UINT64_C(795059776), UINT64_C(343203968)},
    {2u, 12u, 24u, 2693u, 2703u, UINT64_C(344432640), UINT64_C(338227200), UINT64_C(467597376), UINT64_C(345984), UINT64_C(799742016), UINT64_C(344432768)},
    {3u, 8u, 24u, 2703u, 2713u, UINT64_C(345661440), UINT64_C(339456000), UINT64_C(471063616), UINT64_C(347264), UINT64_C(804437056), UINT64_C(345661568)},
    {4u, 6u, 24u, 2713u, 2723u, UINT64_C(346890240), UINT64_C(340684800), UINT64_C(474542656), UINT64_C(348544), UINT64_C(809144896), UINT64_C(346890368)},
    {1u, 25u, 25u, 2783u, 2793u, UINT64_C(355491840), UINT64_C(349286400), UINT64_C(499254336), UINT64_C(357504), UINT64_C(842458176), UINT64_C(355491968)},
    {5u, 5u, 25u, 2823u, 2833u, UINT64_C(360407040), UINT64_C(354201600), UINT64_C(513656896), UINT64_C(362624), UINT64_C(861775936), UINT64_C(360407168)},
    {1u, 26u, 26u, 2883u, 2893u, UINT64_C(367779840), UINT64_C(361574400), UINT64_C(535644736), UINT64_C(370304), UINT64_C(891136576), UINT64_C(367779968)},
    {2u, 13u, 26u, 2893u, 2903u, UINT64_C(369008640), UINT64_C(362803200), UINT64_C(539354176), UINT64_C(371584), UINT64_C(896074816), UINT64_C(369008768)},
    {1u, 27u, 27u, 2983u, 2993u, UINT64_C(380067840), UINT64_C(373862400), UINT64_C(573315136), UINT64_C(383104), UINT64_C(941094976), UINT64_C(380067968)},
    {3u, 9u, 27u, 3003u, 3013u, UINT64_C(382525440), UINT64_C(376320000), UINT64_C(581002816), UINT64_C(385664), UINT64_C(951240256), UINT64_C(382525568)},
    {1u, 28u, 28u, 3083u, 3093u, UINT64_C(392355840), UINT64_C(386150400), UINT64_C(612265536), UINT64_C(395904), UINT64_C(992333376), UINT64_C(392355968)},
    {2u, 14u, 28u, 3093u, 3103u, UINT64_C(393584640), UINT64_C(387379200), UINT64_C(616230976), UINT64_C(397184), UINT64_C(997527616), UINT64_C(393584768)},
    {4u, 7u, 28u, 3113u, 3123u, UINT64_C(396042240), UINT64_C(389836800), UINT64_C(624200256), UINT64_C(399744), UINT64_C(1007954496), UINT64_C(396042368)},
    {1u, 29u, 29u, 3183u, 3193u, UINT64_C(404643840), UINT64_C(398438400), UINT64_C(652495936), UINT64_C(408704), UINT64_C(1044851776), UINT64_C(404643968)},
};

/* Largest grid whose kv_bytes_peak fits a budget, as a step function: for budget B, the row of the last step with min_budget_bytes <= B (kvmodel/crop_solver.h). */
#define SEED_VLM_KV_FITTING_STEP_COUNT 53u
typedef struct seed_vlm_kv_fitting_step {
  uint64_t min_budget_bytes; /* smallest budget with this answer */
  uint32_t row; /* index into the rows */
} seed_vlm_kv_fitting_step;
static const seed_vlm_kv_fitting_step seed_vlm_kv_fitting_steps[SEED_VLM_KV_FITTING_STEP_COUNT] = {
    {UINT64_C(72867840), 0u},
    {UINT64_C(85155840), 1u},
    {UINT64_C(97443840), 2u},
    {UINT64_C(98672640), 3u},
    {UINT64_C(109731840), 4u},
    {UINT64_C(122019840), 5u},
    {UINT64_C(123248640), 6u},
    {UINT64_C(134307840), 7u},
    {UINT64_C(146595840), 8u},
    {UINT64_C(147824640), 9u},
    {UINT64_C(158883840), 10u},
    {UINT64_C(161341440), 11u},
    {UINT64_C(171171840), 12u},
    {UINT64_C(172400640), 13u},
    {UINT64_C(183459840), 14u},
    {UINT64_C(195747840), 15u},
    {UINT64_C(196976640), 16u},
    {UINT64_C(198205440), 17u},
    {UINT64_C(208035840), 18u},
    {UINT64_C(220323840), 19u},
    {UINT64_C(221552640), 20u},
    {UINT64_C(232611840), 21u},
    {UINT64_C(235069440), 22u},
    {UINT64_C(244899840), 23u},
    {UINT64_C(246128640), 24u},
    {UINT64_C(248586240), 25u},
    {UINT64_C(257187840), 26u},
    {UINT64_C(269475840), 27u},
    {UINT64_C(270704640), 28u},
    {UINT64_C(271933440), 29u},
    {UINT64_C(281763840), 30u},
    {UINT64_C(294051840), 31u},
    {UINT64_C(295280640), 32u},
    {UINT64_C(297738240), 33u},
    {UINT64_C(306339840), 34u},
    {UINT64_C(308797440), 35u},
    {UINT64_C(318627840), 36u},
    {UINT64_C(319856640), 37u},
    {UINT64_C(330915840), 38u},
    {UINT64_C(343203840), 39u},
    {UINT64_C(344432640), 40u},
    {UINT64_C(345661440), 41u},
    {UINT64_C(346890240), 42u},
    {UINT64_C(355491840), 43u},
    {UINT64_C(360407040), 44u},
    {UINT64_C(367779840), 45u},
    {UINT64_C(369008640), 46u},
    {UINT64_C(380067840), 47u},
    {UINT64_C(382525440), 48u},
    {UINT64_C(392355840), 49u},
    {UINT64_C(393584640), 50u},
    {UINT64_C(396042240), 51u},
    {UINT64_C(404643840), 52u},
};

/* seed_vlm_kv_find: the row of crop grid grid_h x grid_w, or NULL.
 * Binary search over (num_crops, grid_h): O(log n). */
static inline const seed_vlm_kv_row *seed_vlm_kv_find(uint32_t grid_h, uint32_t grid_w) {
  size_t lo = 0;
  size_t hi = SEED_VLM_KV_ROW_COUNT;
  const uint64_t crops = (uint64_t)grid_h * grid_w;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const seed_vlm_kv_row *row = &seed_vlm_kv_rows[mid];
    if (row->num_crops < crops ||
        (row->num_crops == crops && row->grid_h < grid_h)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < SEED_VLM_KV_ROW_COUNT && seed_vlm_kv_rows[lo].grid_h == grid_h &&
      seed_vlm_kv_rows[lo].grid_w == grid_w) {
    return &seed_vlm_kv_rows[lo];
  }
  return NULL;
}

/* seed_vlm_kv_largest_fitting: the largest grid (most crops, then most
 * image tokens) whose kv_bytes_peak is at most budget_bytes, or NULL
 * when none fits. Binary search over the steps: O(log n). */
static inline const seed_vlm_kv_row *seed_vlm_kv_largest_fitting(uint64_t budget_bytes) {
  size_t lo = 0;
  size_t hi = SEED_VLM_KV_FITTING_STEP_COUNT;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (seed_vlm_kv_fitting_steps[mid].min_budget_bytes <= budget_bytes) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo == 0 ? NULL : &seed_vlm_kv_rows[seed_vlm_kv_fitting_steps[lo - 1].row];
}

#endif /* KVTABLES_GENERATED_SEED_VLM_KV_H_ */
