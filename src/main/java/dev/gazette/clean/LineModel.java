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
import java.util.Locale;

/**
 * Logistic regression over named features. The line model ({@link #shipped()}, over
 * {@link LineFeatures}) gives the probability that a line of a text dump belongs to the article
 * body; the header models ({@link HeaderCandidates}) the probability that a candidate byline or
 * date is the article's. Features are standardised by the training set's mean and spread, then
 * weighted. The shipped weights ({@code model-v1.json}, {@code byline-v1.json}, {@code date-v1.json})
 * are fitted by the test-scope tool {@code LineModelTrainer} (see {@code bench/cleaning/train.sh})
 * and are reproducible from it.
 */
final class LineModel {
    static final String RESOURCE = "model-v1.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> names;
    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;
    private final double threshold;

    /**
     * @param threshold the probability above which a line counts as article text, chosen by
     *                  cross-validation (the F1 of the body, not the accuracy of lines, is the goal)
     */
    LineModel(List<String> names, double[] mean, double[] scale, double[] weights, double bias, double threshold) {
        if (mean.length != names.size() || scale.length != names.size() || weights.length != names.size()) {
            throw new IllegalStateException("model arrays must have " + names.size() + " entries, one per feature " + names);
        }
        this.names = List.copyOf(names);
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.weights = weights.clone();
        this.bias = bias;
        this.threshold = threshold;
    }

    double mean(int j) {
        return mean[j];
    }

    double scale(int j) {
        return scale[j];
    }

    double weight(int j) {
        return weights[j];
    }

    double bias() {
        return bias;
    }

    double threshold() {
        return threshold;
    }

    /** The same weights with another decision threshold. */
    LineModel withThreshold(double t) {
        return new LineModel(names, mean, scale, weights, bias, t);
    }

    /** The names of the features, in the order of the weights. */
    List<String> names() {
        return names;
    }

    /** The shipped line model. */
    static LineModel shipped() {
        return Holder.SHIPPED;
    }

    private static final class Holder {
        static final LineModel SHIPPED = load(RESOURCE, LineFeatures.NAMES);
    }

    /** A shipped model resource beside this class, whose features must be {@code names}. */
    static LineModel load(String resource, List<String> names) {
        try (InputStream in = LineModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the cleaner's model resource " + resource + " is missing from the build");
            }
            return fromJson(JSON.readTree(in), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LineModel fromJson(JsonNode node, List<String> expected) {
        List<String> names = new ArrayList<>();
        node.path("features").forEach(n -> names.add(n.asText()));
        if (!names.equals(expected)) {
            throw new IllegalStateException("model features " + names + " differ from the code's " + expected);
        }
        return new LineModel(names, doubles(node.path("mean")), doubles(node.path("scale")), doubles(node.path("weights")),
                node.path("bias").asDouble(), node.path("threshold").asDouble(0.5));
    }

    /** @param description what the model is and what its probability is of, as the resource states it */
    ObjectNode toJson(String description, String provenance) {
        ObjectNode node = JSON.createObjectNode();
        node.put("version", 1);
        node.put("model", description);
        node.put("provenance", provenance);
        ArrayNode names = node.putArray("features");
        this.names.forEach(names::add);
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
            sb.append(k == 0 ? "" : " ").append(names.get(i)).append('=').append(String.format(Locale.ROOT, "%.2f(%+.1f)", x[i], contribution(x, i)));
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
