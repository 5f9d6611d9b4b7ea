package dev.idcred.query.support;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A read model's projection: a Spring bean annotated with its {@code @ProcessingGroup}, whose processor feeds it the
 * log. Every projection says how to make a fresh copy of itself writing into another generation, so a rebuild finds
 * them all by type, and how many segments its processor divides the log into.
 */
public interface Projection {

    /** The same projection, writing into (and reading from) {@code generation} instead: for a rebuild. */
    Projection into(ReadModels generation);

    /**
     * How many segments its processor splits the log into: 1 for a view kept in log order by one writer (a listing),
     * more for a view whose documents each depend on one aggregate only.
     */
    default int segments() {
        return 1;
    }

    /**
     * The collections holding one document per aggregate, by aggregate type ({@code ApiClient}, say): each of those
     * documents remembers the position of the last event of its aggregate applied to it, which is what
     * {@code ViewIntegrity} checks against the log.
     */
    Map<String, String> mirrors();

    /**
     * Where this view's derived documents (a listing's pages, an owner's index) disagree with the documents of these
     * aggregates, which they are made from; empty while they agree. Checked by {@code ViewIntegrity} too.
     */
    default List<String> mismatches(Collection<String> aggregateIds) {
        return List.of();
    }
}
