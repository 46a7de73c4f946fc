package dev.gazette.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Logistic regression over {@link LineFeatures}: the probability that a line of a text dump
 * belongs to the article body. Features are standardised by the training set's mean and spread,
 * then weighted. The shipped weights ({@code model-v1.json}) are fitted by the test-scope tool
 * {@code LineModelTrainer} (see {@code bench/cleaning/train.sh}) and are reproducible from it.
 */
final class LineModel {
    static final String RESOURCE = "model-v1.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;
    private final double threshold;

    /**
     * @param threshold the probability above which a line counts as article text, chosen by
     *                  cross-validation (the F1 of the body, not the accuracy of lines, is the goal)
     */
    LineModel(double[] mean, double[] scale, double[] weights, double bias, double threshold) {
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.weights = weights.clone();
        this.bias = bias;
        this.threshold = threshold;
    }

    double threshold() {
        return threshold;
    }

    /** The same weights with another decision threshold. */
    LineModel withThreshold(double t) {
        return new LineModel(mean, scale, weights, bias, t);
    }

    /** The shipped model. */
    static LineModel shipped() {
        return Holder.SHIPPED;
    }

    private static final class Holder {
        static final LineModel SHIPPED = load();

        private static LineModel load() {
            try (InputStream in = LineModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the cleaner's model resource " + RESOURCE + " is missing from the build");
                }
                return fromJson(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static LineModel fromJson(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.path("features").forEach(n -> names.add(n.asText()));
        if (!names.equals(LineFeatures.NAMES)) {
            throw new IllegalStateException("model features " + names + " differ from the code's " + LineFeatures.NAMES);
        }
        return new LineModel(doubles(node.path("mean")), doubles(node.path("scale")), doubles(node.path("weights")),
                node.path("bias").asDouble(), node.path("threshold").asDouble(0.5));
    }

    ObjectNode toJson(String provenance) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", 1);
        node.put("model", "logistic regression over standardised line features; p(body line)");
        node.put("provenance", provenance);
        ArrayNode names = node.putArray("features");
        LineFeatures.NAMES.forEach(names::add);
        put(node.putArray("mean"), mean);
        put(node.putArray("scale"), scale);
        put(node.putArray("weights"), weights);
        node.put("bias", round(bias));
        node.put("threshold", threshold);
        return node;
    }

    double probability(double[] x) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The features that moved this line's score most, strongest first, as "name=value(+contribution)". */
    String explain(double[] x, int top) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(contribution(x, i))).thenComparing(i -> i));
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < Math.min(top, order.size()); k++) {
            int i = order.get(k);
            sb.append(k == 0 ? "" : " ").append(LineFeatures.NAMES.get(i)).append('=').append(String.format(java.util.Locale.ROOT, "%.2f(%+.1f)", x[i], contribution(x, i)));
        }
        return sb.toString();
    }

    private double contribution(double[] x, int i) {
        return weights[i] * (x[i] - mean[i]) / scale[i];
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        if (out.length != LineFeatures.NAMES.size()) {
            throw new IllegalStateException("model arrays must have " + LineFeatures.NAMES.size() + " entries, not " + out.length);
        }
        return out;
    }

    private static void put(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(round(v));
        }
    }

    /** Six significant decimals: the file stays readable and byte-stable across runs. */
    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
