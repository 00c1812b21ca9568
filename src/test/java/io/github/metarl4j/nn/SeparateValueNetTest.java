package io.github.metarl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.testing.FiniteDifferences;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class SeparateValueNetTest {

    private static final SeparateValueNet NET = new SeparateValueNet(new RecurrentNet(4, 5, 3, DataType.DOUBLE),
            new RecurrentNet(4, 5, 3, DataType.DOUBLE));

    private static INDArray theta() {
        return FiniteDifferences.randomVector(NET.numParams(), 1).muli(0.5);
    }

    private static INDArray inputs() {
        return FiniteDifferences.randomVector(5 * 2 * 4, 2).reshape('c', 5, 2, 4);
    }

    @Test
    void bptt_andTangent_matchCentralFiniteDifferences() {
        INDArray x = inputs();
        INDArray theta = theta();
        INDArray cy = FiniteDifferences.randomVector(5 * 2 * 3, 3).reshape('c', 5, 2, 3);
        INDArray cv = FiniteDifferences.randomVector(5 * 2, 4).reshape('c', 5, 2);
        SequencePass pass = NET.forward(theta, x);
        INDArray fd = FiniteDifferences.gradient(th -> {
            SequencePass p = NET.forward(th, x);
            return p.outputs().mul(cy).sumNumber().doubleValue() + p.values().mul(cv).sumNumber().doubleValue();
        }, theta);
        FiniteDifferences.assertClose(fd, pass.backward(cy, cv, null), 1e-7, "gradient of both networks");
        INDArray v = FiniteDifferences.randomVector(NET.numParams(), 5);
        INDArray fdTangent = FiniteDifferences.directional(th -> NET.forward(th, x).outputs().reshape(-1), theta, v);
        FiniteDifferences.assertClose(fdTangent, pass.tangent(v).reshape(-1), 1e-7, "the policy head's tangent");
    }

    @Test
    void valueParameters_areTheValueNetwork_andMoveOnlyTheValues() {
        INDArray x = inputs();
        INDArray theta = theta();
        long[] range = NET.valueParameters();
        assertEquals(NET.numParams() / 2, range[0]);
        assertEquals(NET.numParams(), range[1]);
        INDArray moved = theta.dup();
        moved.get(NDArrayIndex.interval(range[0], range[1])).addi(0.3);
        SequencePass a = NET.forward(theta, x);
        SequencePass b = NET.forward(moved, x);
        assertEquals(0, a.outputs().sub(b.outputs()).amaxNumber().doubleValue(), 0.0);
        assertTrue(a.values().sub(b.values()).amaxNumber().doubleValue() > 0.01);
    }

    @Test
    void stepper_actsWithThePolicyNetwork() {
        INDArray x = inputs();
        INDArray theta = theta();
        SequencePass pass = NET.forward(theta, x);
        SequenceModel.Stepper memory = NET.start(theta, 2);
        for (int t = 0; t < 5; t++) {
            INDArray y = memory.step(x.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all()).dup('c'));
            assertEquals(0, pass.outputs().get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all()).sub(y)
                    .amaxNumber().doubleValue(), 1e-12);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> new SeparateValueNet(new RecurrentNet(4, 5, 3,
                DataType.DOUBLE), new RecurrentNet(4, 5, 3, DataType.FLOAT)));
        assertEquals("the policy and value networks must share inputs, outputs and type, got 4/3/DOUBLE and 4/3/FLOAT",
                e.getMessage());
    }
}
