import { interpolateRgbBasis } from 'd3';

/**
 * ColorBrewer's Blues at 9 stops through a B-spline, which is how d3-scale-chromatic builds
 * `interpolateBlues`, so the colours are the same. Imported from there, the module kept every
 * scheme it defines (~5 kB gzip of colour strings in the page's bundle): its ramps are built at
 * module scope, which a bundler cannot drop.
 */
export const interpolateBlues = interpolateRgbBasis(['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b']);
