import type { TargetSpec } from '../targets/types';
import type { Tensor, Tensor1D, Tensor2D } from '../tf';

/**
 * The target the tfjs path trains on: where the target has a hand-derived tf gradient
 * (TargetSpec.logDensityAndGrad), log p̃ becomes one custom-gradient op. Its forward pass runs
 * with the tape off (tfjs records nothing inside a customGrad, so none of the Identity copies
 * of saved inputs autodiff makes per op), keeps ∇log p̃, and the backward pass is one product
 * dy ⊙ ∇log p̃, where autodiff through the target's ~20 ops took ~90 kernels (issue 9).
 * Read-outs keep the plain target: they need no gradient.
 */
export function withFusedGradient(target: TargetSpec): TargetSpec {
  const fused = target.logDensityAndGrad;
  if (!fused) return target;
  return {
    ...target,
    logDensity(tfLib, theta, params) {
      const op = tfLib.customGrad((...args) => {
        const z = args[0] as Tensor2D;
        const save = args[1] as (tensors: Tensor[]) => void;
        const { logp, grad } = fused(tfLib, z, params);
        save([grad]);
        return {
          value: logp,
          gradFunc: (dy: Tensor, saved: Tensor[]) => tfLib.mul(saved[0], tfLib.expandDims(dy, 1)),
        };
      });
      return op(theta) as Tensor1D;
    },
  };
}
