package dev.idcred.query.processing;

import dev.idcred.query.support.Projection;
import org.axonframework.config.ProcessingGroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read models' processors: one per projection, named by its processing group. */
public final class ReadModelProcessors {

    private ReadModelProcessors() {
    }

    public static String groupOf(Projection projection) {
        ProcessingGroup group = projection.getClass().getAnnotation(ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(projection.getClass().getName() + " names no @ProcessingGroup");
        }
        return group.value();
    }

    /** Each projection's processing group and how many segments its processor has. */
    public static Map<String, Integer> segmentsByGroup(List<Projection> projections) {
        var segments = new LinkedHashMap<String, Integer>();
        projections.forEach(projection -> segments.put(groupOf(projection), projection.segments()));
        return segments;
    }
}
