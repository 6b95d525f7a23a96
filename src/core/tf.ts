// The one place core pulls in tfjs-core at run time. Gradients must be registered explicitly when
// only tfjs-core is used (docs/architecture.md#tfjs-facts), and every caller must see them registered.
// Only the engine (the worker's lazily loaded backends chunk, the CLI, tests) imports this; it
// hands the library to tfRuntime.ts, through which the engine reaches it, so a plain-JS run needs
// no tfjs at all. Specs receive the library as an argument (see tfTypes.ts), so the UI can import
// every registry without loading tfjs on the main thread.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { provideTf } from './tfRuntime';

provideTf(tf);

export { tf };
export type { Scalar, Tensor, Tensor1D, Tensor2D, Variable } from '@tensorflow/tfjs-core';
