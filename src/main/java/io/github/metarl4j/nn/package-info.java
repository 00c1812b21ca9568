/**
 * Functional networks on flat parameter vectors: {@link io.github.metarl4j.nn.Mlp} with its
 * forward pass, vector-Jacobian product, Jacobian-vector product (R-operator) and the
 * second-order backward pass behind Hessian-vector products, on {@code [N, inDim]} batches.
 */
package io.github.metarl4j.nn;
