/**
 * Baselines for variance reduction: the linear feature baseline
 * ({@link io.github.metarl4j.baseline.LinearFeatureBaseline}) of Duan et al. 2016.
 */
package io.github.metarl4j.baseline;
