package io.github.metarl4j.testing;

import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.PolicyPoint;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One-shot derivative products for tests: each opens a policy point, computes and closes it. */
public final class Products {

    private Products() {
    }

    public static INDArray gradient(Policy p, INDArray theta, INDArray obs, INDArray act, INDArray w) {
        try (PolicyPoint point = p.at(theta, obs)) {
            return point.gradient(act, w);
        }
    }

    public static INDArray hvp(Policy p, INDArray theta, INDArray obs, INDArray act, INDArray w, INDArray v) {
        try (PolicyPoint point = p.at(theta, obs)) {
            return point.hessian(act, w).times(v);
        }
    }

    public static INDArray fisher(Policy p, INDArray theta, INDArray obs, INDArray w, INDArray v) {
        try (PolicyPoint point = p.at(theta, obs)) {
            return point.fisherProduct(w, v);
        }
    }
}
