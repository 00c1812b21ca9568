package io.github.metarl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.testing.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class RecurrentNetTest {

    private static final RecurrentNet NET = new RecurrentNet(5, 6, 3, DataType.DOUBLE);

    private static INDArray theta() {
        // larger than the initial scale, so every gate is away from its linear regime
        return FiniteDifferences.randomVector(NET.numParams(), 1).muli(0.5);
    }

    private static INDArray inputs(int t, int b, long seed) {
        return FiniteDifferences.randomVector((long) t * b * 5, seed).reshape('c', t, b, 5);
    }

    @ParameterizedTest(name = "T = {0}, B = {1}")
    @CsvSource({"6, 3", "1, 4"})
    void bptt_matchesCentralFiniteDifferences(int t, int b) {
        INDArray x = inputs(t, b, 2);
        INDArray cy = FiniteDifferences.randomVector((long) t * b * 3, 3).reshape('c', t, b, 3);
        INDArray cv = FiniteDifferences.randomVector((long) t * b, 4).reshape('c', t, b);
        INDArray theta = theta();
        INDArray grad = NET.forward(theta, x).backward(cy, cv, null);
        INDArray fd = FiniteDifferences.gradient(th -> {
            RecurrentPass p = NET.forward(th, x);
            return p.outputs().mul(cy).sumNumber().doubleValue() + p.values().mul(cv).sumNumber().doubleValue();
        }, theta);
        FiniteDifferences.assertClose(fd, grad, 1e-7, "GRU and heads gradient, BPTT over " + t + " steps");
    }

    @Test
    void bptt_withAnAuxiliaryHead_matchesCentralFiniteDifferences() {
        RecurrentNet net = new RecurrentNet(5, 6, 3, 4, DataType.DOUBLE);
        INDArray x = inputs(5, 3, 31);
        INDArray cy = FiniteDifferences.randomVector(5 * 3 * 3, 32).reshape('c', 5, 3, 3);
        INDArray cv = FiniteDifferences.randomVector(5 * 3, 33).reshape('c', 5, 3);
        INDArray cq = FiniteDifferences.randomVector(5 * 3 * 4, 34).reshape('c', 5, 3, 4);
        INDArray theta = FiniteDifferences.randomVector(net.numParams(), 35).muli(0.5);
        INDArray grad = net.forward(theta, x).backward(cy, cv, cq);
        INDArray fd = FiniteDifferences.gradient(th -> {
            RecurrentPass p = net.forward(th, x);
            return p.outputs().mul(cy).sumNumber().doubleValue() + p.values().mul(cv).sumNumber().doubleValue()
                    + p.auxiliary().mul(cq).sumNumber().doubleValue();
        }, theta);
        FiniteDifferences.assertClose(fd, grad, 1e-7, "GRU and three heads gradient");
        assertEquals(true, grad.get(NDArrayIndex.interval(net.numParams() - 4 * 7, net.numParams())).amaxNumber()
                .doubleValue() > 1e-2, "the auxiliary head's own parameters get a gradient");
    }

    @Test
    void anAuxiliaryHead_leavesThePolicyValueAndInitialPolicyAsWithoutIt() {
        // the head's parameters come last: the plain net's vector is a prefix, its heads unchanged
        RecurrentNet plain = new RecurrentNet(5, 6, 3, DataType.DOUBLE);
        RecurrentNet aux = new RecurrentNet(5, 6, 3, 3, DataType.DOUBLE);
        assertEquals(plain.numParams() + 6 * 3 + 3, aux.numParams());
        INDArray full = aux.initialParameters(new java.util.SplittableRandom(36));
        INDArray prefix = full.get(NDArrayIndex.interval(0, plain.numParams()));
        assertEquals(0, plain.initialParameters(new java.util.SplittableRandom(36)).sub(prefix).amaxNumber()
                .doubleValue(), 0.0, "the same initial policy and value from the same generator");
        INDArray x = inputs(4, 2, 37);
        RecurrentPass a = aux.forward(full, x);
        RecurrentPass p = plain.forward(prefix.dup(), x);
        assertEquals(0, a.outputs().sub(p.outputs()).amaxNumber().doubleValue(), 1e-15);
        assertEquals(0, a.values().sub(p.values()).amaxNumber().doubleValue(), 1e-15);
        assertEquals(null, p.auxiliary());
        assertEquals(true, a.auxiliary().amaxNumber().doubleValue() > 1e-3, "the head reads the hidden state");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> p.backward(Nd4j.zeros(DataType.DOUBLE, 4, 2, 3), Nd4j.zeros(DataType.DOUBLE, 4, 2),
                        Nd4j.zeros(DataType.DOUBLE, 4, 2, 3)));
        assertEquals("this net has no auxiliary head; its upstream gradient must be null", e.getMessage());
    }

    @ParameterizedTest(name = "T = {0}, B = {1}")
    @CsvSource({"6, 3", "1, 2"})
    void tangent_matchesCentralFiniteDifferences(int t, int b) {
        INDArray x = inputs(t, b, 8);
        INDArray theta = theta();
        INDArray v = FiniteDifferences.randomVector(NET.numParams(), 9);
        INDArray tangent = NET.forward(theta, x).tangent(v);
        double eps = 1e-6;
        INDArray fd = NET.forward(theta.add(v.mul(eps)), x).outputs().sub(NET.forward(theta.sub(v.mul(eps)), x)
                .outputs()).divi(2 * eps);
        assertEquals(0, fd.sub(tangent).amaxNumber().doubleValue(), 1e-7, "policy head's J v");
        assertEquals(true, tangent.amaxNumber().doubleValue() > 1e-2, "a non-trivial tangent");
    }

    @Test
    void tangentAndBackward_areAdjoint() {
        // u . (J v) = (J^T u) . v for any u and v: the two passes differentiate the same function
        INDArray x = inputs(7, 2, 10);
        INDArray theta = theta();
        INDArray v = FiniteDifferences.randomVector(NET.numParams(), 11);
        INDArray uy = FiniteDifferences.randomVector(7 * 2 * 3, 12).reshape('c', 7, 2, 3);
        RecurrentPass pass = NET.forward(theta, x);
        double left = uy.mul(pass.tangent(v)).sumNumber().doubleValue();
        double right = pass.backward(uy, Nd4j.zeros(DataType.DOUBLE, 7, 2), null).mul(v).sumNumber().doubleValue();
        assertEquals(left, right, 1e-10 * Math.abs(left));
    }

    @Test
    void valueParameters_areReadByTheValueHeadAlone() {
        INDArray x = inputs(4, 2, 14);
        INDArray theta = theta();
        long[] range = NET.valueParameters();
        assertEquals(6 + 1, range[1] - range[0], "w_v [H] and b_v");
        assertEquals(NET.numParams(), range[1]);
        INDArray moved = theta.dup();
        moved.get(NDArrayIndex.interval(range[0], range[1])).addi(0.5);
        RecurrentPass a = NET.forward(theta, x);
        RecurrentPass b = NET.forward(moved, x);
        assertEquals(0, a.outputs().sub(b.outputs()).amaxNumber().doubleValue(), 0.0, "the policy head");
        assertEquals(true, a.values().sub(b.values()).amaxNumber().doubleValue() > 0.1, "the value head moves");
        INDArray before = theta.dup();
        before.get(NDArrayIndex.interval(range[0] - 1, range[0])).addi(0.5);
        assertEquals(true, NET.forward(before, x).outputs().sub(a.outputs()).amaxNumber().doubleValue() > 0,
                "the parameter before the range is the policy head's");
    }

    @Test
    void bptt_ofALossAtTheLastStepOnly_reachesTheFirstInputsWeights() {
        // only y at t = T - 1 counts: its gradient flows back through every earlier hidden state
        INDArray x = inputs(5, 2, 5);
        INDArray cy = Nd4j.zeros(DataType.DOUBLE, 5, 2, 3);
        cy.get(NDArrayIndex.point(4), NDArrayIndex.all(), NDArrayIndex.all()).assign(1.0);
        INDArray cv = Nd4j.zeros(DataType.DOUBLE, 5, 2);
        INDArray theta = theta();
        INDArray grad = NET.forward(theta, x).backward(cy, cv, null);
        INDArray fd = FiniteDifferences.gradient(th -> NET.forward(th, x).outputs()
                .get(NDArrayIndex.point(4), NDArrayIndex.all(), NDArrayIndex.all()).sumNumber().doubleValue(), theta);
        FiniteDifferences.assertClose(fd, grad, 1e-7, "gradient of the last step's output");
    }

    @Test
    void step_reproducesTheForwardPass() {
        INDArray x = inputs(4, 3, 6);
        INDArray theta = theta();
        RecurrentPass pass = NET.forward(theta, x);
        SequenceModel.Stepper memory = NET.start(theta, 3);
        for (int t = 0; t < 4; t++) {
            INDArray y = memory.step(x.get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all()).dup('c'));
            INDArray expected = pass.outputs().get(NDArrayIndex.point(t), NDArrayIndex.all(), NDArrayIndex.all());
            assertEquals(0, expected.sub(y).norm2Number().doubleValue(), 1e-12, "step " + t);
        }
    }

    @Test
    void hiddenState_carriesInformationAcrossSteps() {
        // the same input at step 2 gives a different output when step 0's input differs
        INDArray a = inputs(3, 1, 7);
        INDArray b = a.dup();
        b.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.all()).addi(1.0);
        INDArray theta = theta();
        double diff = NET.forward(theta, a).outputs().get(NDArrayIndex.point(2)).sub(
                NET.forward(theta, b).outputs().get(NDArrayIndex.point(2))).norm2Number().doubleValue();
        assertEquals(true, diff > 1e-3, "difference " + diff);
    }

    @Test
    void initialParameters_andBadInput() {
        INDArray init = NET.initialParameters(new SplittableRandom(1));
        assertEquals(NET.numParams(), init.length());
        assertEquals(5 * 18 + 6 * 18 + 18 + 6 * 3 + 3 + 6 + 1, NET.numParams());
        var e = assertThrows(IllegalArgumentException.class, () -> NET.forward(init, Nd4j.zeros(DataType.DOUBLE, 2, 3,
                4)));
        assertEquals("inputs must be a DOUBLE array of shape [T, B, 5], got DOUBLE [2, 3, 4]", e.getMessage());
    }
}
