import type * as tfjs from '@tensorflow/tfjs-core';

/**
 * The tensor library as a value type. Target, family and objective specs receive it as an
 * argument instead of importing it, so that the main thread can read their metadata (names,
 * parameters, ranges) without bundling tfjs: tfjs lives in the worker chunk only.
 */
export type TF = typeof tfjs;
export type { Scalar, Tensor, Tensor1D, Tensor2D, Variable } from '@tensorflow/tfjs-core';
