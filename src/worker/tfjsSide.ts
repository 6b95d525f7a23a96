// The engine's tfjs side: tfjs-core, the cpu backend and everything that needs them at the top
// level. The worker loads it on demand (lazyTfjs.ts), as its own chunk, so a run on the plain-JS
// fast path steps before it arrives (docs/architecture.md#lazy-tfjs).
export { activate, chooseBackend, timeBackend } from './backends';
export { abandonWebgl, watchWebgl } from './webglWatch';
