// nnbook's bulk random kernels: MT19937 regeneration and tempering, and the 16-wide float32
// Box-Muller PyTorch's CPU `normal_` runs, reproduced operation for operation.
// Only Sources/Tensors/RNG.swift calls them; no pointer they take is kept after return.
#ifndef NNBOOK_CRANDOM_H
#define NNBOOK_CRANDOM_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has AVX2 and FMA: then nnb_normal_fill16 gives PyTorch's AVX2 results
/// bit for bit. Else 0: callers use their portable path for the transform (the MT19937
/// functions below work on every CPU).
int nnb_random_simd_supported(void);

/// Regenerates the 624 MT19937 words of `state` in place (one "twist").
void nnb_mt_twist(uint32_t *state);

/// Writes `count` float32 uniforms in [0, 1) to `out`: the 24 low bits of each successive
/// tempered word times 2^-24 (PyTorch's `uniform_real_distribution<float>(0, 1)`), starting at
/// word `*index` (624 means "twist first") and leaving `*index` after the last word used.
void nnb_mt_uniform_floats(uint32_t *state, int *index, float *out, ptrdiff_t count);

/// Box-Muller in place on `blocks` consecutive blocks of 16 uniforms: in each block, element j
/// and j + 8 become `mean + std * r * cos(theta)` and `... sin(theta)`. Only call when
/// nnb_random_simd_supported() returned 1.
void nnb_normal_fill16(float *data, ptrdiff_t blocks, float mean, float std);

/// `data[i] = from + data[i] * (to - from)` with the multiply-add fused (one rounding, as
/// PyTorch's AVX2 build computes `uniform_`), and a value that rounds up to `to` replaced by
/// `from`, as PyTorch clamps it. Works on every CPU.
void nnb_uniform_scale(float *data, ptrdiff_t count, float from, float to);

#endif
